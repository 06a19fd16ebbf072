import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../Modal.js';
import { SHORTCUTS } from './use-shortcuts.js';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose}>
      <dl className="shortcuts">
        {SHORTCUTS.map(({ keys, action }) => (
          <div key={action}>
            <dt>{keys.map((k) => <kbd key={k}>{k}</kbd>)}</dt>
            <dd>{t(`shortcuts.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <button ref={closeRef} type="button" onClick={onClose}>{t('shortcuts.close')}</button>
    </Modal>
  );
}
