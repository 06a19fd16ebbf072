/**
 * The note an operator is writing, kept in this browser's localStorage per call and
 * customer, so a reload, a crash of the window or a switch to another call loses
 * nothing. The mutation id is made once per draft: a save retried after a dropped
 * connection is recognised by the desk and stored once.
 */
export interface Draft {
  mutationId: string;
  note: string;
  disposition: string;
  followUpOn: string;
}

const PREFIX = 'agent-desk:draft:';

export function draftKey(callId: string | null, customerId: string | null): string {
  return `${PREFIX}${callId ?? '-'}:${customerId ?? '-'}`;
}

export function emptyDraft(): Draft {
  return { mutationId: crypto.randomUUID(), note: '', disposition: '', followUpOn: '' };
}

export function loadDraft(key: string): Draft {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Draft> | null;
    if (stored && typeof stored.mutationId === 'string' && typeof stored.note === 'string') {
      return { ...emptyDraft(), ...stored };
    }
  } catch {
    // A draft that no longer parses is dropped rather than blocking the panel.
  }
  return emptyDraft();
}

export function saveDraft(key: string, draft: Draft): void {
  if (draft.note === '' && draft.disposition === '' && draft.followUpOn === '') localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(draft));
}

export function clearDraft(key: string): void {
  localStorage.removeItem(key);
}
