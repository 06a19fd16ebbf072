/**
 * One call's card: who is calling and how sure the desk is, then what the operator
 * needs (the customer, a chooser, a create form or a search) and the note panel.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PopCard } from '../../../../shared/call.js';
import type { CustomerCard } from '../../../../shared/domain.js';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import { AnnotationPanel } from '../annotation/annotation-panel.js';
import { CustomerDetails } from '../customer/customer-details.js';
import { CustomerSearch } from '../customer/customer-search.js';
import { NewCustomerForm } from '../customer/new-customer-form.js';
import { formatNumber } from '../../format.js';
import { useDeskView } from '../../state/desk-state.js';
import { shownCandidate } from './focus.js';
import { CandidateChooser } from './candidate-chooser.js';
import { callerName, callerNumber, regionLabel } from './card-title.js';

export function PopCardView({ card }: { card: PopCard }) {
  const { t } = useTranslation();
  const settings = useDeskView((v) => v.settings)!;
  const chosen = useDeskView((v) => v.chosen);
  const choose = useDeskView((v) => v.choose);
  const close = useDeskView((v) => v.closeCard);
  const load = useDeskView((v) => v.loadCustomer);
  /** A caller the operator identified by search or just created: shown on this card only. */
  const [identified, setIdentified] = useState<CustomerCard | null>(null);
  const candidate = shownCandidate(card, chosen);
  const customer = candidate ?? identified;
  const phone = card.phone.kind === 'e164' ? card.phone.e164 : null;
  /** The desk re-pops a call's own candidates; a customer identified here by search is read again. */
  const reloadIdentified = identified ? () => void load(identified.customer.id).then((fresh) => fresh && setIdentified(fresh)) : undefined;

  return (
    <section className={`card match-${card.match}`} role="region" aria-label={regionLabel(card, chosen, settings.region, t)} data-call-id={card.callId}>
      <header className="card-head">
        <div className="card-title">
          <span className={`call-state state-${card.state}`}>{t(`call.state.${card.state}`)}</span>
          {card.dialled && <span className="meta">{t('call.dialled', { dialled: card.dialled })}</span>}
          {card.queue && <span className="meta">{t('call.queue', { queue: card.queue })}</span>}
        </div>
        <button type="button" className="ghost" aria-keyshortcuts="Escape" onClick={() => close(card.callId)}>
          {t('call.dismiss')}
        </button>
      </header>

      {card.match === 'probable' && candidate && (
        <p className="badge probable" role="note">
          <strong>{t('call.probable')}</strong> {t('call.probableHelp', { matched: formatNumber(candidate.matchedPhone, settings.region) })}
        </p>
      )}
      <div className="card-body">
        <div className="card-main">
          {card.phone.kind === 'withheld' && !identified && (
            <div className="notice">
              <p>{t('call.withheld')}</p>
              <CustomerSearch label={t('search.forCaller')} onPick={(s) => void load(s.id).then((found) => found && setIdentified(found))} />
            </div>
          )}
          {card.phone.kind === 'internal' && <p className="notice">{t('call.internal', { extension: card.phone.extension })}</p>}
          {card.phone.kind === 'invalid' && card.candidates.length === 0 && (
            <p className="notice">{t('call.invalid', { raw: card.remote.raw, reason: t(`reason.${card.phone.reason}`, card.phone.reason) })}</p>
          )}
          {customer ? (
            <CustomerDetails
              card={customer}
              matchedPhone={candidate?.matchedPhone ?? null}
              onChooseOther={card.candidates.length > 1 ? () => choose(card.callId, null) : undefined}
              onEdited={reloadIdentified}
            />
          ) : card.candidates.length > 1 ? (
            <CandidateChooser card={card} region={settings.region} onChoose={(id) => choose(card.callId, id)} />
          ) : (
            card.match === 'none' && (
              <div className="notice">
                <p>{t('call.unknown')}</p>
                <NewCustomerForm phone={phone} defaultNumber={callerNumber(card, settings.region)} remoteName={card.remote.name} onCreated={setIdentified} />
              </div>
            )
          )}
        </div>
        <AnnotationPanel
          key={customer?.customer.id ?? 'no-customer'}
          callId={card.callId}
          customerId={customer?.customer.id ?? null}
          phone={phone}
          customerName={customer ? customerDisplayName(customer.customer) : callerName(card, chosen, settings.region, t)}
          onSaved={reloadIdentified}
        />
      </div>
    </section>
  );
}
