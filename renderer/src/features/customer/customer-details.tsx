/** Everything the card shows of one customer: who, how to reach them, what they bought, what is open, what was said. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import type { CustomerCard, E164 } from '../../../../shared/domain.js';
import { formatNumber } from '../../format.js';
import { useDeskView } from '../../state/desk-state.js';
import { HistoryList } from '../pop/history-list.js';
import { PurchaseList } from '../pop/purchase-list.js';
import { TicketList } from '../pop/ticket-list.js';
import { EditCustomerForm } from './edit-customer-form.js';

interface Props {
  card: CustomerCard;
  /** The number this call matched on, highlighted among the customer's phones. */
  matchedPhone: E164 | null;
  onChooseOther?: (() => void) | undefined;
  /** Called after an edit was saved, where the card shown is not re-popped by the desk (a customer opened from search). */
  onEdited?: (() => void) | undefined;
}

export function CustomerDetails({ card, matchedPhone, onChooseOther, onEdited }: Props) {
  const { t } = useTranslation();
  const region = useDeskView((v) => v.settings?.region ?? 'BG');
  const { customer, phones, purchases, tickets, interactions } = card;
  const name = customerDisplayName(customer);
  const id = useId();
  const [editing, setEditing] = useState(false);

  return (
    <div className="customer">
      <div className="customer-head">
        <div className="customer-title">
          <h2 className="customer-name">{name}</h2>
          {!editing && (
            <button type="button" className="ghost" onClick={() => setEditing(true)}>
              {t('edit.open')}
            </button>
          )}
        </div>
        {editing && (
          <EditCustomerForm
            customer={customer}
            onDone={(saved) => {
              setEditing(false);
              if (saved) onEdited?.();
            }}
          />
        )}
        <p className="meta">
          {t('customer.number', { number: customer.customerNumber })}
          {customer.company && name !== customer.company && <> · {customer.company}</>}
          {customer.email && <> · {customer.email}</>}
          {customer.tags.includes('vip') && <span className="badge vip">{t('customer.vip')}</span>}
        </p>
        <ul className="phones" aria-label={t('customer.phones')}>
          {phones.map((p) => (
            <li key={p.e164} className={p.e164 === matchedPhone ? 'matched' : undefined}>
              {formatNumber(p.e164, region)} <span className="meta">{t(`customer.label.${p.label}`)}</span>
              {p.e164 === matchedPhone && <span className="visually-hidden"> — {t('call.matchedOn', { number: p.e164 })}</span>}
            </li>
          ))}
        </ul>
        {onChooseOther && (
          <button type="button" className="link" onClick={onChooseOther}>
            {t('call.chooseOther')}
          </button>
        )}
      </div>

      <div className="customer-grid">
        <section aria-labelledby={`${id}-tickets`}>
          <h3 id={`${id}-tickets`}>{t('customer.tickets')}</h3>
          <TicketList tickets={tickets} label={t('customer.tickets')} />
        </section>

        <section aria-labelledby={`${id}-purchases`}>
          <h3 id={`${id}-purchases`}>{t('customer.purchases')}</h3>
          <PurchaseList purchases={purchases} />
        </section>
      </div>

      <section aria-labelledby={`${id}-history`} className="history">
        <h3 id={`${id}-history`}>{t('customer.history')}</h3>
        <HistoryList interactions={interactions} label={t('customer.history')} />
      </section>
    </div>
  );
}
