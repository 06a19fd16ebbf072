/**
 * Customer search as an operator types it, one query at a time, over real customers
 * of the store: a whole number in national and international form, a run of digits
 * from the middle of a number, a surname typed in Latin letters (Иванов as "ivanov")
 * and the first letters of a surname in its own script. Twelve results a query, as
 * the search box asks.
 */
import { samplePhones } from '../../electron/services/demo/sample-phones.js';
import type { DeskStore } from '../../electron/services/store/desk-store.js';
import { latinSpellings } from '../../electron/services/store/transliterate.js';
import type { Region } from '../../shared/domain.js';
import { normalisePhone } from '../../shared/phone/normalise.js';
import type { Latency } from './lookup-bench.js';
import { percentile } from './stats.js';

const PAGE = 12;

export interface SearchLatency {
  samples: number;
  wholeNumber: Latency;
  digitsFragment: Latency;
  latinSurname: Latency;
  surnamePrefix: Latency;
}

function timeEach(store: DeskStore, queries: readonly string[]): Latency {
  const timings = queries.map((query) => {
    const started = performance.now();
    store.searchCustomers(query, PAGE);
    return performance.now() - started;
  });
  return { p50Ms: percentile(timings, 50), p99Ms: percentile(timings, 99), maxMs: Math.max(...timings) };
}

export function benchSearch(store: DeskStore, region: Region, samples: number): SearchLatency {
  const phones = samplePhones(store, 'single', samples);
  const national = phones.map((e164) => {
    const phone = normalisePhone(e164, region);
    return phone.kind === 'e164' && phone.country === region ? `0${phone.nationalNumber}` : e164;
  });
  const surnames = phones.map((e164) => {
    const [owner] = store.searchCustomers(e164, 1).customers;
    if (!owner) throw new Error(`${e164} was sampled from the store but search did not find its owner`);
    return owner.lastName;
  });
  return {
    samples: phones.length,
    wholeNumber: timeEach(store, [...phones, ...national]),
    digitsFragment: timeEach(store, phones.map((e164) => e164.slice(-7, -1))),
    latinSurname: timeEach(store, surnames.map((name) => latinSpellings(name)[0] ?? name)),
    surnamePrefix: timeEach(store, surnames.map((name) => name.slice(0, 3))),
  };
}
