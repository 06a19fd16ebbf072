import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../../../../shared/phone/normalise.js';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { identifyCaller } from '../../../../../electron/services/desk/identify-caller.js';
import { createCallerPicker } from '../../../../../electron/services/desk/simulated-callers.js';
import { createDemoGenerator, seedDemoData } from '../../../../../electron/services/demo/demo-data.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';

describe('demo data', () => {
  const now = new Date('2026-11-01T12:00:00Z');
  const generate = createDemoGenerator(7, now);
  const batches = Array.from({ length: 2_000 }, (_, i) => generate(i + 1));
  const customers = batches.flatMap((b) => b.customers);

  it('gives every customer phones that are valid numbers of their own country', () => {
    for (const { customer, phones } of customers) {
      for (const phone of phones) {
        expect(normalisePhone(phone.e164, 'BG'), `${phone.e164} of ${customer.country}`).toMatchObject({ kind: 'e164', country: customer.country });
      }
    }
  });

  it('mixes the bg, ru, uk, pl and en locales, in their own scripts', () => {
    const countries = new Set(customers.map((c) => c.customer.country));
    expect([...countries].sort()).toEqual(['BG', 'GB', 'PL', 'RU', 'UA']);
    const bulgarian = customers.find((c) => c.customer.country === 'BG')!.customer;
    expect(bulgarian.lastName).toMatch(/^[\u0400-\u04FF]+$/);
    expect(customers.filter((c) => c.customer.email !== null).every((c) => /^[a-z0-9.]+@[a-z.]+$/.test(c.customer.email!))).toBe(true);
  });

  it('has purchases, tickets and about seven history rows a customer, and some shared switchboards', () => {
    const history = batches.reduce((n, b) => n + b.purchases.length + b.tickets.length + b.interactions.length, 0);
    expect(history / customers.length).toBeGreaterThan(5);
    expect(history / customers.length).toBeLessThan(9);
    const owners = new Map<string, number>();
    for (const { phones } of customers) for (const p of phones) owners.set(p.e164, (owners.get(p.e164) ?? 0) + 1);
    expect([...owners.values()].some((n) => n > 1)).toBe(true);
  });

  it('is the same for the same seed', () => {
    const again = createDemoGenerator(7, now);
    expect(again(1)).toEqual(batches[0]);
  });

  it('seeds, at the demo desk\'s own size, switchboards shared by several contacts of one company, which the simulator rings', async () => {
    const config = parseDeskConfig({ region: 'BG' }, 'test');
    const dir = mkdtempSync(join(tmpdir(), 'desk-demo-'));
    const store = openDeskStore(join(dir, 'desk.sqlite'));
    try {
      await seedDemoData(store, { customers: config.demoCustomers, seed: 1, now });
      const pickCaller = createCallerPicker(store, config.region);
      for (let call = 0; call < 20; call++) {
        const { remote } = pickCaller('several');
        const { candidates } = identifyCaller(store, normalisePhone(remote, config.region));
        expect(candidates.length, `caller ${remote}`).toBeGreaterThanOrEqual(2);
        expect(new Set(candidates.map((c) => c.customer.company)).size, `companies behind ${remote}`).toBe(1);
        expect(candidates[0]!.customer.company).not.toBeNull();
      }
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
