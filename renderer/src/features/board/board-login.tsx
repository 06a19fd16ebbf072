import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logIn } from './board-client.js';
import { useBoard } from './board-state.js';

export function BoardLogin() {
  const { t } = useTranslation();
  const problem = useBoard((v) => v.problem);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      await logIn(String(form.get('username')), String(form.get('password')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="board-login-page">
      <form className="board-login" onSubmit={(e) => void submit(e)} aria-label={t('board.login')}>
        <h1>{t('board.title')}</h1>
        <label>
          {t('board.username')}
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t('board.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {problem && <p role="alert">{t(`board.${problem.key}`, 'values' in problem ? problem.values : {})}</p>}
        <button type="submit" disabled={busy}>
          {t('board.logIn')}
        </button>
      </form>
    </main>
  );
}
