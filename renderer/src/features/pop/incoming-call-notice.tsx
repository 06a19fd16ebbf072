/**
 * A call that rang while the operator was writing a note: it waits in its tab, and this
 * says so (with a rising chime, unlike the board's alarm) and how to get to it, without
 * taking the keyboard from the note.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskView } from '../../state/desk-state.js';
import { playTones } from '../../tones.js';
import { shortcutLabel } from '../shortcuts/shortcut-table.js';
import { callerName } from './card-title.js';

export function IncomingCallNotice() {
  const { t } = useTranslation();
  const incoming = useDeskView((v) => v.incoming);
  const card = useDeskView((v) => v.cards.find((c) => c.callId === v.incoming));
  const chosen = useDeskView((v) => v.chosen);
  const region = useDeskView((v) => v.settings?.region);
  useEffect(() => {
    if (incoming !== null) playTones([[0, 660], [0.18, 880]]);
  }, [incoming]);
  const waiting = card && card.endedAt === null && region !== undefined;
  return (
    <p role="status" className={waiting ? 'incoming-call' : 'visually-hidden'}>
      {waiting && t('call.incoming', { name: callerName(card, chosen, region, t), keys: shortcutLabel('nextCall') })}
    </p>
  );
}
