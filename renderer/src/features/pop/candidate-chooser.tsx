/** Several customers share the number (a switchboard, a family line): the operator asks and picks one. */
import { useTranslation } from 'react-i18next';
import type { PopCard } from '../../../../shared/call.js';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import type { Region } from '../../../../shared/domain.js';
import { formatNumber } from '../../format.js';

interface Props {
  card: PopCard;
  region: Region;
  onChoose(customerId: string): void;
}

export function CandidateChooser({ card, region, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="chooser">
      <h2>{t('call.severalTitle', { count: card.candidates.length })}</h2>
      <ul className="candidates">
        {card.candidates.map(({ customer, matchedPhone, tickets }) => (
          <li key={customer.id}>
            <button type="button" className="candidate" onClick={() => onChoose(customer.id)}>
              <span className="name">{customerDisplayName(customer)}</span>
              <span className="meta">
                {[customer.company, customer.customerNumber, formatNumber(matchedPhone, region)].filter(Boolean).join(' · ')}
              </span>
              {tickets.some((tk) => tk.status === 'open') && <span className="meta">{t('call.openTickets', { count: tickets.filter((tk) => tk.status === 'open').length })}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
