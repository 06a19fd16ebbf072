/**
 * The desk's global keys, in one place so the help overlay and the handlers cannot
 * disagree. Keys that are also typing ("/", "?") only act outside text fields;
 * Escape first leaves a field, and closes the card only when pressed outside one.
 */
import { useEffect, useRef } from 'react';

export interface ShortcutActions {
  focusSearch(): void;
  dismiss(): void;
  switchToCall(n: number): void;
  nextCall(): void;
  toggleHelp(): void;
}

/** What the help overlay lists; saving the note is bound on the note form itself. */
export const SHORTCUTS = [
  { keys: ['/', 'Ctrl+K'], action: 'search' },
  { keys: ['Ctrl+Enter'], action: 'save' },
  { keys: ['Esc'], action: 'dismiss' },
  { keys: ['Alt+1 … Alt+9'], action: 'switch' },
  { keys: ['Alt+N'], action: 'nextCall' },
  { keys: ['?'], action: 'help' },
] as const;

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const typing = isTyping(event.target);
      const act = (run: () => void) => {
        event.preventDefault();
        run();
      };
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return act(latest.current.focusSearch);
      if (event.altKey && /^Digit[1-9]$/.test(event.code)) return act(() => latest.current.switchToCall(Number(event.code.slice(5))));
      // By the key's place, not its letter, so it works in a Cyrillic layout too.
      if (event.altKey && event.code === 'KeyN') return act(latest.current.nextCall);
      if (event.key === 'Escape') {
        if (typing) return (event.target as HTMLElement).blur();
        return act(latest.current.dismiss);
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') return act(latest.current.focusSearch);
      if (event.key === '?') return act(latest.current.toggleHelp);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
