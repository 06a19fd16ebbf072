/**
 * What this desk runs with, and what IT has locked: an operator (or IT on the phone
 * with one) sees at a glance which settings come from the machine's policy and why
 * they cannot be changed here.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../../shared/i18n/localised-label.js';
import { useDeskLocale } from '../../i18n/desk-language.js';
import { Modal } from '../../modal.js';
import { useDeskView } from '../../state/desk-state.js';
import { ConfigProblemList } from './config-problem-list.js';
import { LanguagePicker } from './language-picker.js';

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const settings = useDeskView((v) => v.settings);
  const timeZone = useDeskView((v) => v.language?.timeZone);
  const locale = useDeskLocale();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  if (!settings) return null;
  const { locked, problems } = settings.configuration;
  // A row is locked when the policy set it, a field inside it (agent.name), or a group holding it.
  const lockOf = (path: string) => locked.find((l) => l.path === path || path.startsWith(`${l.path}.`) || l.path.startsWith(`${path}.`));
  const rows: [path: 'agent' | 'locale' | 'timeZone' | 'region' | 'dispositions', label: string, value: ReactNode][] = [
    ['agent', t('settings.agent'), `${settings.agent.name} (${settings.agent.id})`],
    ['locale', t('settings.language'), <LanguagePicker locked={lockOf('locale') !== undefined} />],
    ['timeZone', t('settings.timeZone'), timeZone],
    ['region', t('settings.region'), settings.region],
    ['dispositions', t('settings.dispositions'), settings.dispositions.map((d) => labelIn(d.label, locale)).join(', ')],
  ];
  return (
    <Modal title={t('settings.title')} onClose={onClose} className="settings">
      <table>
        <tbody>
          {rows.map(([path, label, value]) => {
            const lock = lockOf(path);
            return (
              <tr key={path}>
                <th scope="row">{label}</th>
                <td>{value}</td>
                <td className="meta">{lock ? t('settings.lockedBy', { file: lock.origin }) : t('settings.notLocked')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('settings.lockedTitle')}</h3>
      {locked.length === 0 ? (
        <p className="meta">{t('settings.noPolicy')}</p>
      ) : (
        <ul aria-label={t('settings.lockedTitle')}>
          {locked.map((l) => (
            <li key={l.path}>
              <code>{l.path}</code> — {t('settings.lockedBy', { file: l.origin })}
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <>
          <h3>{t('settings.problemsTitle')}</h3>
          <ConfigProblemList problems={problems} />
        </>
      )}
      <button ref={closeRef} type="button" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </Modal>
  );
}
