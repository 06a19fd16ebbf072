/** Throwing a draft away is a decision: asked once more, and "keep writing" is where the focus lands. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../modal.js';

export function DiscardDraft({ onDiscard }: { onDiscard(): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);
  return (
    <>
      <button type="button" className="ghost" onClick={() => setAsking(true)}>
        {t('annotation.discard')}
      </button>
      {asking && (
        <Modal title={t('annotation.discardTitle')} onClose={() => setAsking(false)}>
          <p>{t('annotation.discardBody')}</p>
          <div className="row">
            <button ref={keepRef} type="button" onClick={() => setAsking(false)}>
              {t('annotation.discardNo')}
            </button>
            <button
              type="button"
              onClick={() => {
                setAsking(false);
                onDiscard();
              }}
            >
              {t('annotation.discardYes')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
