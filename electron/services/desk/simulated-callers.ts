/**
 * Who rings when the simulator rings: real numbers from the store, presented the
 * way PBXes present them (national form, SIP URI, 00 prefix), so a demo exercises
 * the same normalise → lookup path as a real call.
 */
import type { SimulatedScenario } from '../../../shared/desk-api.js';
import type { Region } from '../../../shared/domain.js';
import { normalisePhone } from '../../../shared/phone/normalise.js';
import { samplePhones } from '../demo/sample-phones.js';
import type { CustomerReader } from '../store/desk-store.js';
import { identifyCaller } from './identify-caller.js';

export interface SimulatedCaller {
  remote: string;
  remoteName?: string;
}

const WITHHELD_FORMS = ['anonymous', 'sip:anonymous@anonymous.invalid', 'Restricted', ''];

export function createCallerPicker(store: CustomerReader, region: Region, random: () => number = Math.random) {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

  function asPresented(e164: string): string {
    const phone = normalisePhone(e164, region);
    const forms = [`sip:${e164}@pbx.example;user=phone`, `00${e164.slice(1)}`, e164];
    if (phone.kind === 'e164' && phone.country === region) forms.push(`0${phone.nationalNumber}`);
    return pick(forms) ?? e164;
  }

  /** A valid number that is nobody's: a known number with its last digits changed until no one owns it. */
  function unknownNumber(): string | undefined {
    for (let attempt = 0; attempt < 20; attempt++) {
      const base = pick(samplePhones(store, 'single', 1));
      if (!base) return undefined;
      const candidate = base.slice(0, -3) + String(Math.floor(random() * 1000)).padStart(3, '0');
      const phone = normalisePhone(candidate, region);
      if (phone.kind === 'e164' && identifyCaller(store, phone).match === 'none') return candidate;
    }
    return undefined;
  }

  return function pickCaller(scenario: SimulatedScenario): SimulatedCaller {
    switch (scenario) {
      case 'known':
      case 'several': {
        const e164 = pick(samplePhones(store, scenario === 'known' ? 'single' : 'shared', 1));
        return e164 ? { remote: asPresented(e164) } : { remote: 'anonymous' };
      }
      case 'probable': {
        // A foreign customer's number sent without its country code: only the national number can match.
        const foreign = samplePhones(store, 'single', 20)
          .map((e164) => normalisePhone(e164, region))
          .find((p) => p.kind === 'e164' && p.country !== region);
        return foreign?.kind === 'e164' ? { remote: foreign.nationalNumber } : { remote: unknownNumber() ?? 'anonymous' };
      }
      case 'unknown':
        return { remote: unknownNumber() ?? '+15550100', remoteName: 'New Caller' };
      case 'withheld':
        return { remote: pick(WITHHELD_FORMS) ?? 'anonymous' };
    }
  };
}
