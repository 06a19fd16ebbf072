/**
 * Type-ahead customer search: names in any script, company, email, customer number.
 * Arrow keys move through the results and Enter opens one, as in a combobox.
 */
import { type RefObject, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import type { CustomerSummary } from '../../../../shared/domain.js';
import { useDeskClient } from '../../api/desk-context.js';
import { formatNumber } from '../../format.js';
import { useDeskView } from '../../state/desk-state.js';

const DEBOUNCE_MS = 120;

interface Props {
  onPick(customer: CustomerSummary): void;
  label?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function CustomerSearch({ onPick, label, inputRef }: Props) {
  const { t } = useTranslation();
  const client = useDeskClient();
  const region = useDeskView((v) => v.settings?.region ?? 'BG');
  const listId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; customers: CustomerSummary[] } | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      client.searchCustomers({ query: trimmed, limit: 12 }).then(
        (customers) => current && (setResults({ query: trimmed, customers }), setActive(0)),
        (err: unknown) => console.error('search failed', err),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query]);

  const shown = query.trim() === '' ? null : results;
  // Focus stays in the input (aria-activedescendant): the list scrolls to the option the arrows reached.
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, active, shown]);
  const pick = (customer: CustomerSummary) => {
    setQuery('');
    setResults(null);
    onPick(customer);
  };

  return (
    <div className="search">
      <input
        ref={inputRef}
        type="search"
        aria-label={label ?? t('search.label')}
        placeholder={label ? undefined : t('search.placeholder')}
        role="searchbox"
        // Only a list that is on screen can be pointed at: an id with nothing behind it is an error to a screen reader.
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown?.customers[active] ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="/ Control+K"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (!shown || shown.customers.length === 0) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.customers.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(shown.customers[active]!);
          else return;
          e.preventDefault();
        }}
      />
      {shown && (
        // Focusable so a keyboard can scroll a list longer than the window (WCAG 2.1.1); arrows in the input move the choice.
        <ul id={listId} role="listbox" aria-label={t('search.results')} className="results" tabIndex={0}>
          {shown.customers.length === 0 && <li className="meta">{t('search.none', { query: shown.query })}</li>}
          {shown.customers.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
            >
              <span className="name">{customerDisplayName(c)}</span>
              <span className="meta">
                {[c.company, c.customerNumber, c.phones[0] && formatNumber(c.phones[0], region)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
