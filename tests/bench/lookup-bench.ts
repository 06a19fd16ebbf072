/**
 * Caller lookup as the desk does it on a pop, timed one call at a time: the number
 * normalised and found in the phone index, then the whole identification with the
 * customer's card (purchases, tickets, history). The card is timed twice over the
 * same callers: the first pass reads pages from disk, the second from the cache, as
 * on a desk that has been up for a while.
 */
import { identifyCaller } from '../../electron/services/desk/identify-caller.js';
import { samplePhones } from '../../electron/services/demo/sample-phones.js';
import type { DeskStore } from '../../electron/services/store/desk-store.js';
import type { Region } from '../../shared/domain.js';
import { normalisePhone } from '../../shared/phone/normalise.js';
import { percentile } from './stats.js';

export interface Latency {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LookupLatency {
  samples: number;
  phoneLookup: Latency;
  withCardFirstPass: Latency;
  withCardWarm: Latency;
}

function timeEach(items: readonly string[], run: (item: string) => void): Latency {
  const timings = items.map((item) => {
    const started = performance.now();
    run(item);
    return performance.now() - started;
  });
  return { p50Ms: percentile(timings, 50), p99Ms: percentile(timings, 99), maxMs: Math.max(...timings) };
}

export function benchLookup(store: DeskStore, region: Region, samples: number): LookupLatency {
  const phones = samplePhones(store, 'single', samples);
  const phoneLookup = timeEach(phones, (e164) => {
    const phone = normalisePhone(e164, region);
    if (phone.kind !== 'e164' || store.lookupPhone({ e164: phone.e164, nationalNumber: phone.nationalNumber }).match !== 'exact') {
      throw new Error(`${e164} was sampled from the store but did not match exactly`);
    }
  });
  const identify = (e164: string) => void identifyCaller(store, normalisePhone(e164, region));
  const withCardFirstPass = timeEach(phones, identify);
  const withCardWarm = timeEach(phones, identify);
  return { samples: phones.length, phoneLookup, withCardFirstPass, withCardWarm };
}
