/**
 * `npm run bench`: the figures the issues ask for (store check at start, screen pop, customer search, SIP, hub sync, supervisor board, hub logins under a flood), printed, never asserted.
 * The store is seeded once into .bench-data/ (minutes for a million customers) and
 * reused by later runs; BENCH_CUSTOMERS picks another size, which gets its own folder.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkStoreFile } from '../../electron/services/store/checked-open.js';
import { seedDemoData } from '../../electron/services/demo/demo-data.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { benchLookup, type Latency } from './lookup-bench.js';
import { benchSearch } from './search-bench.js';
import { benchPopLatency } from './pop-latency.js';
import { benchSipBurst } from './sip-burst.js';
import { benchHubSync } from './hub-sync.js';
import { benchBoardLive } from './board-live.js';
import { benchLoginFlood } from './login-flood.js';

const customers = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const lookups = Number(process.env.BENCH_LOOKUPS ?? 20_000);
const searches = Number(process.env.BENCH_SEARCHES ?? 2_000);
const calls = Number(process.env.BENCH_CALLS ?? 200);
const dataDir = join(process.cwd(), '.bench-data', String(customers));
const storeFile = join(dataDir, 'desk.sqlite');

const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const roundLatency = ({ p50Ms, p99Ms, maxMs }: Latency, digits = 3) => ({ p50Ms: round(p50Ms, digits), p99Ms: round(p99Ms, digits), maxMs: round(maxMs, digits) });

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const store = openDeskStore(storeFile);
  let seedSeconds: number | null = null;
  if (store.countCustomers() < customers) {
    if (store.countCustomers() > 0) throw new Error(`${storeFile} holds a partial seed; delete ${dataDir} and run again`);
    console.log(`seeding ${customers.toLocaleString('en')} customers into ${storeFile} …`);
    const started = performance.now();
    let lastReport = 0;
    await seedDemoData(store, {
      customers,
      seed: 1,
      onProgress: (done) => {
        if (done - lastReport < customers / 10 && done !== customers) return;
        lastReport = done;
        console.log(`  ${done.toLocaleString('en')} customers, ${Math.round((performance.now() - started) / 1000)} s`);
      },
    });
    seedSeconds = round((performance.now() - started) / 1000, 1);
  }
  const health = store.health();
  const lookup = benchLookup(store, 'BG', lookups);
  const search = benchSearch(store, 'BG', searches);
  store.close();
  // What every desk start now pays before its first pop: SQLite's quick_check over the whole file.
  const checkStarted = performance.now();
  const check = checkStoreFile(storeFile);
  if (check.state !== 'sound') throw new Error(`${storeFile} failed its quick_check: ${JSON.stringify(check)}`);
  const quickCheckMs = Math.round(performance.now() - checkStarted);

  console.log(`event → card painted in Chromium over ${calls} calls, at an idle desk and back to back …`);
  const pop = await benchPopLatency(dataDir, calls, 'idle');
  const backToBack = await benchPopLatency(dataDir, calls, 'back-to-back');

  console.log('SIP burst from sipp: 200 calls/s for 10 s …');
  const sipBurst = await benchSipBurst(storeFile, 200, 10);

  console.log(`hub: ${customers.toLocaleString('en')} customers into PostgreSQL, the initial sync of an empty desk, notes desk A → desk B …`);
  const hub = await benchHubSync(customers, Number(process.env.BENCH_NOTES ?? 100));

  console.log('supervisor board: 500 agents, 50 queues, 20 calls/s for 30 s through the hub into Chromium …');
  const board = await benchBoardLive(500, 50, 20, 30);

  console.log('hub logins: a real login while 300 wrong passwords flood the hub, from one address and from many …');
  const loginFlood = await benchLoginFlood();

  const figures = {
    store: {
      customers: health.customers,
      phones: health.phones,
      historyRows: health.purchases + health.tickets + health.interactions,
      fileMiB: Math.round(statSync(storeFile).size / 2 ** 20),
      seedSeconds,
      quickCheckMs,
    },
    lookup: {
      samples: lookup.samples,
      targetP99Ms: 0.5,
      phoneLookup: roundLatency(lookup.phoneLookup),
      withCardFirstPass: roundLatency(lookup.withCardFirstPass),
      withCardWarm: roundLatency(lookup.withCardWarm),
    },
    search: {
      samples: search.samples,
      wholeNumber: roundLatency(search.wholeNumber),
      digitsFragment: roundLatency(search.digitsFragment),
      latinSurname: roundLatency(search.latinSurname),
      surnamePrefix: roundLatency(search.surnamePrefix),
    },
    popToPaint: {
      calls: pop.calls,
      targetP99Ms: 50,
      idleDesk: roundLatency(pop, 1),
      backToBack: roundLatency(backToBack, 1),
    },
    hostRssMiB: Math.max(pop.hostRssMiB, backToBack.hostRssMiB),
    sipBurst,
    hub,
    board,
    loginFlood,
  };
  console.log(JSON.stringify(figures, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
