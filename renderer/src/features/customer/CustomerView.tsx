/** A customer opened from search or the call log, outside any call: their card and a note panel. */
import { useTranslation } from 'react-i18next';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import type { CustomerCard } from '../../../../shared/domain.js';
import { useDeskView } from '../../state/desk-state.js';
import { AnnotationPanel } from '../annotation/AnnotationPanel.js';
import { CustomerDetails } from './CustomerDetails.js';
import { useCustomerLoader } from './use-customer-loader.js';

export function CustomerView({ card }: { card: CustomerCard }) {
  const { t } = useTranslation();
  const focusOn = useDeskView((v) => v.focusOn);
  const load = useCustomerLoader();
  const reload = () => void load(card.customer.id).then((fresh) => focusOn({ kind: 'customer', card: fresh }));
  return (
    <section className="card" aria-label={t('customer.opened', { name: customerDisplayName(card.customer) })}>
      <header className="card-head">
        <div className="card-title" />
        <button type="button" className="ghost" aria-keyshortcuts="Escape" onClick={() => focusOn({ kind: 'none' })}>
          {t('customer.close')}
        </button>
      </header>
      <div className="card-body">
        <div className="card-main">
          <CustomerDetails card={card} matchedPhone={null} onEdited={reload} />
        </div>
        <AnnotationPanel callId={null} customerId={card.customer.id} phone={null} onSaved={reload} />
      </div>
    </section>
  );
}
