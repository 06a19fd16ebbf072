import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../modal.js';
import { chordLabel, SHORTCUTS } from './shortcut-table.js';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose}>
      <dl className="shortcuts">
        {SHORTCUTS.map(({ keys, action, label }) => (
          <div key={action}>
            <dt>{keys.map((chord) => <kbd key={chordLabel(chord)}>{chordLabel(chord)}</kbd>)}</dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <button ref={closeRef} type="button" onClick={onClose}>{t('shortcuts.close')}</button>
    </Modal>
  );
}
