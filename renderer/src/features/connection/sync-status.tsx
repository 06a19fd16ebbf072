import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskFormats } from '../../i18n/desk-language.js';
import { useDeskView } from '../../state/desk-state.js';
import { SignInDialog } from './sign-in-dialog.js';

/**
 * The desk's link to the hub: up to date, or offline since when with how many changes
 * still to send, and a way to sign in when the hub needs it. Hidden with no hub.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const format = useDeskFormats();
  const sync = useDeskView((v) => v.sync);
  const [signingIn, setSigningIn] = useState(false);
  if (!sync || sync.state === 'off') return null;
  const since = sync.offlineSince ? format.time(sync.offlineSince) : '';
  const text =
    sync.state === 'connecting'
      ? t('sync.connecting')
      : t(sync.pending > 0 ? `sync.${sync.state}Pending` : `sync.${sync.state}`, { count: sync.pending, since });
  return (
    <>
      <span
        role="status"
        aria-label={t('sync.label')}
        className={`connection sync ${sync.state}`}
        data-sync={sync.state}
        data-pending={sync.pending}
        // The hub's or the network's own words (lastError) are for the log and diagnostics; the agent reads what to do.
        title={sync.state === 'offline' || sync.state === 'signed_out' ? t(`sync.hint.${sync.state}`) : undefined}
      >
        {text}
        {sync.rejected > 0 && (
          <span className="sync-rejected">
            {' '}· {t('sync.rejected', { count: sync.rejected })}
            {sync.lastRefusal && <> · {t(`sync.refusal.${sync.lastRefusal}`)}</>}
          </span>
        )}
      </span>
      {sync.state === 'signed_out' && (
        <button type="button" className="link" onClick={() => setSigningIn(true)}>
          {t('signIn.open')}
        </button>
      )}
      {signingIn && <SignInDialog onClose={() => setSigningIn(false)} />}
    </>
  );
}
