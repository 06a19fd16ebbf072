/** A customer opened from search or the call log, outside any call: their card, the unsaved notes of their calls, and a note panel. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import type { CustomerCard } from '../../../../shared/domain.js';
import { useDeskView } from '../../state/desk-state.js';
import { AnnotationPanel } from '../annotation/annotation-panel.js';
import { reopenFocus } from '../pop/call-tabs.js';
import { CustomerDetails } from './customer-details.js';

export function CustomerView({ card }: { card: CustomerCard }) {
  const { t } = useTranslation();
  const focusOn = useDeskView((v) => v.focusOn);
  const cards = useDeskView((v) => v.cards);
  const drafts = useDeskView((v) => v.drafts);
  const openCustomer = useDeskView((v) => v.openCustomer);
  const reload = () => void openCustomer(card.customer.id);
  const name = customerDisplayName(card.customer);
  const callDrafts = useMemo(() => Object.values(drafts).filter((d) => d.callId !== null && d.customerId === card.customer.id), [drafts, card.customer.id]);
  return (
    <section className="card" aria-label={t('customer.opened', { name })}>
      <header className="card-head">
        <div className="card-title" />
        <button type="button" className="ghost" aria-keyshortcuts="Escape" onClick={() => focusOn({ kind: 'none' })}>
          {t('customer.close')}
        </button>
      </header>
      {callDrafts.length > 0 && (
        <div className="notice call-drafts">
          <p>{t('customer.callDrafts', { count: callDrafts.length })}</p>
          <ul>
            {callDrafts.map((draft) => {
              const target = reopenFocus(draft.callId!, cards, drafts);
              return (
                <li key={draft.mutationId}>
                  <q>{draft.note}</q>{' '}
                  {target && (
                    <button type="button" className="ghost" onClick={() => focusOn(target)}>
                      {t('customer.openDraft')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="card-body">
        <div className="card-main">
          <CustomerDetails card={card} matchedPhone={null} onEdited={reload} />
        </div>
        <AnnotationPanel callId={null} customerId={card.customer.id} phone={null} customerName={name} onSaved={reload} />
      </div>
    </section>
  );
}
