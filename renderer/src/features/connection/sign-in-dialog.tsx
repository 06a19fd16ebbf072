/**
 * The agent's own hub password, typed once per hub session: the desk keeps the session,
 * never the password. Offered from the status bar whenever the hub needs it.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describe-error.js';
import { Modal } from '../../modal.js';
import { useDeskView } from '../../state/desk-state.js';

export function SignInDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const signIn = useDeskView((v) => v.signIn);
  const agent = useDeskView((v) => v.settings?.agent);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    setBusy(true);
    setFailure(null);
    try {
      await signIn(password);
      onClose();
    } catch (err) {
      setFailure(describeError(err, t));
      setBusy(false);
    }
  }

  return (
    <Modal title={t('signIn.title')} onClose={onClose}>
      <form className="sign-in" onSubmit={(e) => void submit(e)}>
        <p>{t('signIn.as', { name: agent?.name, id: agent?.id })}</p>
        <label>
          {t('signIn.password')}
          <input name="password" type="password" autoComplete="current-password" required autoFocus />
        </label>
        {failure && <p role="alert" className="error">{failure}</p>}
        <div className="actions">
          <button type="submit" disabled={busy}>{busy ? t('signIn.signingIn') : t('signIn.submit')}</button>
          <button type="button" className="ghost" onClick={onClose}>{t('edit.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
