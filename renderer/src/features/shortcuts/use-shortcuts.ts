/**
 * The desk's keys, handled from the one table in shortcut-table.ts. Characters that are
 * also typing ("/", "?") only act outside text fields; Escape first leaves a field, and
 * closes the card only when pressed outside one.
 */
import { useEffect, useRef } from 'react';
import { matchChord, SHORTCUTS, type ShortcutAction } from './shortcut-table.js';

/** What each action does; `n` is the digit pressed, for the actions bound to 1 … 9. */
export type ShortcutActions = Record<ShortcutAction, (n: number) => void>;

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function scopeOf(target: EventTarget | null): string | undefined {
  return target instanceof HTMLElement ? target.dataset.shortcutScope : undefined;
}

export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const typing = isTyping(event.target);
      if (event.key === 'Escape' && typing) return (event.target as HTMLElement).blur();
      const scope = scopeOf(event.target);
      for (const shortcut of SHORTCUTS) {
        if (shortcut.scope !== undefined && shortcut.scope !== scope) continue;
        for (const chord of shortcut.keys) {
          const n = matchChord(chord, event, typing);
          if (n === null) continue;
          event.preventDefault();
          latest.current[shortcut.action](n);
          return;
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
