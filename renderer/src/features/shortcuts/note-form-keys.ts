/**
 * How the shortcuts reach the note form on screen (the stage shows one card, so one
 * form at a time): the form puts its handles in a slot the app provides, and takes
 * them out when it goes.
 */
import { createContext, type RefObject, useContext, useEffect } from 'react';

export interface NoteFormKeys {
  note(): void;
  disposition(): void;
  /** The n-th outcome of the desk's list. */
  pickOutcome(n: number): void;
  followUp(): void;
  save(): void;
}

export const NoteFormKeysContext = createContext<RefObject<NoteFormKeys | null> | null>(null);

export function useNoteFormKeys(keys: NoteFormKeys): void {
  const slotRef = useContext(NoteFormKeysContext);
  useEffect(() => {
    if (!slotRef) return;
    slotRef.current = keys;
    return () => {
      if (slotRef.current === keys) slotRef.current = null;
    };
  });
}
