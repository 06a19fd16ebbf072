/** How a call is named on its card, its tab and to screen readers. */
import type { TFunction } from 'i18next';
import type { PopCard } from '../../../../shared/call.js';
import { customerDisplayName } from '../../../../shared/customer-name.js';
import type { Region } from '../../../../shared/domain.js';
import { formatNumber } from '../../format.js';
import { shownCandidate } from './focus.js';

export function callerNumber(card: PopCard, region: Region): string {
  if (card.phone.kind === 'e164') return formatNumber(card.phone.e164, region);
  if (card.phone.kind === 'internal') return card.phone.extension;
  return card.remote.raw;
}

/** The caller as a person would say it: the customer's name, else the number, else "withheld". */
export function callerName(card: PopCard, chosen: Record<string, string>, region: Region, t: TFunction): string {
  if (card.phone.kind === 'withheld') return t('call.withheldNumber');
  const candidate = shownCandidate(card, chosen);
  if (candidate) return customerDisplayName(candidate.customer);
  return card.remote.name ?? callerNumber(card, region);
}

export function regionLabel(card: PopCard, chosen: Record<string, string>, region: Region, t: TFunction): string {
  if (card.phone.kind === 'withheld') return t('call.regionWithheld');
  const candidate = shownCandidate(card, chosen);
  if (candidate) return t('call.regionKnown', { name: customerDisplayName(candidate.customer) });
  if (card.candidates.length > 1) return t('call.regionSeveral', { number: callerNumber(card, region), count: card.candidates.length });
  return t('call.regionNumber', { number: callerNumber(card, region) });
}
