/**
 * An unsaved note whose call has left the desk (the desk restarted, or another screen
 * closed the call): the note panel, and the customer it was written for if any. Once
 * saved, the customer's card (with the note in its history) takes its place.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../../../shared/domain.js';
import type { Draft } from '../../../../shared/draft.js';
import { useDeskFormats } from '../../i18n/desk-language.js';
import { useDeskView } from '../../state/desk-state.js';
import { CustomerDetails } from '../customer/customer-details.js';
import { draftCaller } from '../pop/call-tabs-view.js';
import { AnnotationPanel } from './annotation-panel.js';

export function DraftView({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const focusOn = useDeskView((v) => v.focusOn);
  const region = useDeskView((v) => v.settings!.region);
  const format = useDeskFormats();
  const load = useDeskView((v) => v.loadCustomer);
  const openCustomer = useDeskView((v) => v.openCustomer);
  const [customer, setCustomer] = useState<CustomerCard | null>(null);
  const { customerId } = draft;
  useEffect(() => {
    if (customerId !== null) void load(customerId).then((card) => card && setCustomer(card));
  }, [customerId, load]);
  const name = draftCaller(draft, region, t);
  const reopenCustomer = customer ? () => void openCustomer(customer.customer.id) : undefined;
  return (
    <section className="card" aria-label={t('draft.region', { name })}>
      <header className="card-head">
        <div className="card-title">
          <span className="call-state">{t('draft.title')}</span>
          <span className="meta">{t('draft.written', { time: format.dateTime(draft.updatedAt) })}</span>
        </div>
        <button type="button" className="ghost" aria-keyshortcuts="Escape" onClick={() => focusOn({ kind: 'none' })}>
          {t('call.dismiss')}
        </button>
      </header>
      <div className="card-body">
        <div className="card-main">{customer && <CustomerDetails card={customer} matchedPhone={null} onEdited={() => void load(customer.customer.id).then((card) => card && setCustomer(card))} />}</div>
        <AnnotationPanel callId={draft.callId} customerId={customerId} phone={draft.phone} customerName={draft.customerName} onSaved={reopenCustomer} />
      </div>
    </section>
  );
}
