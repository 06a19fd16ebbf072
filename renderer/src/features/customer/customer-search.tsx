/**
 * Type-ahead customer search: names in any script, company, email, customer number,
 * any part of a phone number. Arrow keys move through the results and Enter opens one,
 * as in a combobox; it says how many matched, and Down past the last shows more.
 */
import { type RefObject, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import { SEARCH_LIMIT_MAX } from '../../../../shared/desk-api.js';
import type { CustomerSearchResult, CustomerSummary } from '../../../../shared/domain.js';
import { withoutControlCharacters } from '../../../../shared/text-rules.js';
import { formatNumber } from '../../format.js';
import { useDeskView } from '../../state/desk-state.js';
import { ariaKeyShortcuts } from '../shortcuts/shortcut-table.js';

const DEBOUNCE_MS = 120;
/** Results a page: what fits the drop-down without scrolling on a 768-pixel screen. */
const PAGE = 12;

interface Props {
  onPick(customer: CustomerSummary): void;
  label?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function CustomerSearch({ onPick, label, inputRef }: Props) {
  const { t } = useTranslation();
  const searchCustomers = useDeskView((v) => v.searchCustomers);
  const region = useDeskView((v) => v.settings?.region ?? 'BG');
  const listId = useId();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [results, setResults] = useState<({ query: string } & CustomerSearchResult) | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void searchCustomers(trimmed, limit).then((result) => {
        if (!current || !result) return;
        setResults({ query: trimmed, ...result });
        // A longer page of the same query keeps the result the operator was on.
        setActive((a) => (limit === PAGE ? 0 : a));
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [searchCustomers, query, limit]);

  const shown = query.trim() === '' ? null : results;
  const more = shown !== null && shown.customers.length < shown.matched && limit < SEARCH_LIMIT_MAX;
  const showMore = () => setLimit((l) => Math.min(l + PAGE, SEARCH_LIMIT_MAX));
  // Focus stays in the input (aria-activedescendant): the list scrolls to the option the arrows reached.
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, active, shown]);
  const pick = (customer: CustomerSummary) => {
    setQuery('');
    setLimit(PAGE);
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
        aria-keyshortcuts={ariaKeyShortcuts('search')}
        value={query}
        onChange={(e) => {
          setQuery(withoutControlCharacters(e.target.value, 'single-line'));
          setLimit(PAGE);
        }}
        onKeyDown={(e) => {
          if (!shown || shown.customers.length === 0) return;
          if (e.key === 'ArrowDown' && active === shown.customers.length - 1 && more) showMore();
          else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.customers.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(shown.customers[active]!);
          else return;
          e.preventDefault();
        }}
      />
      {shown && (
        <div className="results">
          <p className="meta" role="status">
            {shown.matched === 0
              ? t('search.none', { query: shown.query })
              : t(shown.capped ? 'search.matchedMoreThan' : 'search.matched', { count: shown.matched })}
          </p>
          {/* Focusable so a keyboard can scroll a list longer than the window (WCAG 2.1.1); arrows in the input move the choice. */}
          <ul id={listId} role="listbox" aria-label={t('search.results')} tabIndex={0}>
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
          {more && (
            <button type="button" className="secondary" onMouseDown={(e) => e.preventDefault()} onClick={showMore}>
              {t('search.more')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
