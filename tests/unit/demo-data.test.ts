import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../shared/phone/normalise.js';
import { createDemoGenerator } from '../../electron/services/store/demo-data.js';

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
});
