/** A customer's calls and notes: when, who by name, and the outcome as this desk labels it. */
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../../shared/domain.js';
import { labelIn } from '../../../../shared/i18n/localised-label.js';
import { useDeskFormats, useDeskLocale } from '../../i18n/desk-language.js';
import { useDeskView } from '../../state/desk-state.js';

export function HistoryList({ interactions, label }: { interactions: Interaction[]; label: string }) {
  const { t } = useTranslation();
  const format = useDeskFormats();
  const locale = useDeskLocale();
  const dispositions = useDeskView((v) => v.settings?.dispositions ?? []);
  const self = useDeskView((v) => v.settings?.agent);
  // Notes kept from before names travelled have only the account id: this desk at least knows its own agent's name.
  const nameOf = (i: Interaction) => i.agentName ?? (i.agent === self?.id ? self.name : i.agent);
  // Another desk's configuration may have an outcome this one has not: the shared label, else its code.
  const outcome = (code: string) => {
    const own = dispositions.find((d) => d.code === code);
    return own ? labelIn(own.label, locale) : t(`dispositions.${code}`, { defaultValue: code });
  };
  return (
    <>
      {interactions.length === 0 && <p className="meta">{t('customer.noHistory')}</p>}
      <ul aria-label={label}>
        {interactions.map((i) => (
          <li key={i.id}>
            <span className="meta">
              {format.dateTime(i.at)} · {t(`customer.kind.${i.kind}`)} · {nameOf(i)}
              {i.disposition && <> · {outcome(i.disposition)}</>}
              {i.followUpOn && <> · {t('customer.followUp', { date: format.day(i.followUpOn) })}</>}
            </span>
            {i.note && <p className="note">{i.note}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
