/** A customer's tickets; an open one's SLA as time left, or as an overdue badge once it has passed. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain.js';
import { useDeskFormats } from '../../i18n/desk-language.js';

const OPEN = new Set<Ticket['status']>(['open', 'pending']);

/** The time, once a minute: an SLA turns overdue while its card is on screen. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function TicketList({ tickets, label }: { tickets: Ticket[]; label: string }) {
  const { t } = useTranslation();
  const format = useDeskFormats();
  const now = useMinuteClock();
  if (tickets.length === 0) return <p className="meta">{t('customer.noTickets')}</p>;
  return (
    <ul className="tickets" aria-label={label}>
      {tickets.map((ticket) => {
        const open = OPEN.has(ticket.status);
        const left = open && ticket.slaDueAt ? Date.parse(ticket.slaDueAt) - now : null;
        const when = ticket.slaDueAt ? format.dateTime(ticket.slaDueAt) : '';
        return (
          <li key={ticket.id} className={open ? `open priority-${ticket.priority}${left !== null && left < 0 ? ' overdue' : ''}` : 'done'}>
            <span className="subject">{ticket.subject}</span>
            <span className="meta">
              <span className={`pill priority-${ticket.priority}`}>{t(`customer.priority.${ticket.priority}`)}</span>{' '}
              {t(`customer.status.${ticket.status}`)} · {format.date(ticket.openedAt)}
              {left !== null && left >= 0 && <> · {t('customer.slaDueIn', { duration: format.span(left), when })}</>}
              {left !== null && left < 0 && (
                <>
                  <span className="badge sla-overdue" role="status">
                    {t('customer.slaOverdue', { duration: format.span(left) })}
                  </span>{' '}
                  {t('customer.slaWasDue', { when })}
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
