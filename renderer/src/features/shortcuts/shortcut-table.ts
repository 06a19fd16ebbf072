/**
 * Every desk shortcut, declared once: its keys, what it does and the label the "?"
 * list shows. The key handling (use-shortcuts.ts), the "?" list and the
 * aria-keyshortcuts attributes are all read from this table, so they cannot disagree.
 * Letter keys are matched by their place on the keyboard (KeyboardEvent.code), so
 * Alt+N is the same key on a Bulgarian, Russian, Ukrainian or Polish layout.
 */

export type ShortcutAction =
  | 'note'
  | 'disposition'
  | 'pickOutcome'
  | 'followUp'
  | 'save'
  | 'nextCall'
  | 'switchCall'
  | 'search'
  | 'dismiss'
  | 'help';

export type Chord =
  /** A physical key with modifiers; Ctrl also means Cmd. `digits` stands for each of the keys 1 to 9. */
  | { code: string; ctrl?: true; alt?: true; digits?: never }
  | { digits: true; alt?: true; code?: never; ctrl?: never }
  /** A character, whatever keys type it ("?" is Shift+/ on one layout, something else on another); never while typing. */
  | { char: string };

export interface Shortcut {
  action: ShortcutAction;
  keys: Chord[];
  /** An i18n key. */
  label: string;
  /** Only where focus is on an element with this data-shortcut-scope. */
  scope?: 'disposition';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'note', keys: [{ code: 'KeyN', alt: true }], label: 'shortcuts.note' },
  { action: 'disposition', keys: [{ code: 'KeyD', alt: true }], label: 'shortcuts.disposition' },
  { action: 'pickOutcome', keys: [{ digits: true }], label: 'shortcuts.pickOutcome', scope: 'disposition' },
  { action: 'followUp', keys: [{ code: 'KeyF', alt: true }], label: 'shortcuts.followUp' },
  { action: 'save', keys: [{ code: 'Enter', ctrl: true }], label: 'shortcuts.save' },
  { action: 'nextCall', keys: [{ code: 'ArrowDown', alt: true }], label: 'shortcuts.nextCall' },
  { action: 'switchCall', keys: [{ digits: true, alt: true }], label: 'shortcuts.switch' },
  { action: 'search', keys: [{ char: '/' }, { code: 'KeyK', ctrl: true }], label: 'shortcuts.search' },
  { action: 'dismiss', keys: [{ code: 'Escape' }], label: 'shortcuts.dismiss' },
  { action: 'help', keys: [{ char: '?' }], label: 'shortcuts.help' },
];

const KEY_NAMES: Record<string, string> = { ArrowDown: '↓', Escape: 'Esc', Enter: 'Enter' };
/** aria-keyshortcuts names the keys pressed, so a "?" typed with Shift is "Shift+?". */
const ARIA_CHARS: Record<string, string> = { '?': 'Shift+?' };

/** How a chord is printed in the "?" list: "Alt+N", "Ctrl+Enter", "1 … 9". */
export function chordLabel(chord: Chord): string {
  if ('char' in chord) return chord.char;
  const key = chord.digits ? '1 … 9' : (KEY_NAMES[chord.code] ?? chord.code.replace(/^Key/, ''));
  return [chord.ctrl && 'Ctrl', chord.alt && 'Alt', key].filter(Boolean).join('+');
}

/** How an action's first chord is printed, for a sentence that tells the operator which key to press. */
export function shortcutLabel(action: ShortcutAction): string {
  return chordLabel(SHORTCUTS.find((s) => s.action === action)!.keys[0]!);
}

/** The aria-keyshortcuts value of an action (WAI-ARIA names: "Control", "Alt", key values). */
export function ariaKeyShortcuts(action: ShortcutAction): string {
  const shortcut = SHORTCUTS.find((s) => s.action === action)!;
  return shortcut.keys
    .flatMap((chord) => {
      if ('char' in chord) return [ARIA_CHARS[chord.char] ?? chord.char];
      const keys = chord.digits ? ['1', '2', '3', '4', '5', '6', '7', '8', '9'] : [chord.code.replace(/^Key/, '')];
      return keys.map((key) => [chord.ctrl && 'Control', chord.alt && 'Alt', key].filter(Boolean).join('+'));
    })
    .join(' ');
}

/** Which digit a chord was pressed with (1 for a chord without digits), or null when the event is not this chord. */
export function matchChord(chord: Chord, event: KeyboardEvent, typing: boolean): number | null {
  const ctrl = event.ctrlKey || event.metaKey;
  if ('char' in chord) return !typing && !ctrl && !event.altKey && event.key === chord.char ? 1 : null;
  if (ctrl !== (chord.ctrl === true) || event.altKey !== (chord.alt === true)) return null;
  if (chord.digits) {
    const digit = /^Digit([1-9])$/.exec(event.code);
    return digit ? Number(digit[1]) : null;
  }
  return event.code === chord.code ? 1 : null;
}
