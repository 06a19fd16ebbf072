/**
 * Realistic demo customers: names from the bg, ru, uk, pl and en locales, phones valid
 * in each customer's country, purchases, tickets and past calls. Deterministic for a
 * seed. Faker is too slow to call per row at a million customers, so it fills pools
 * of names and companies once, and a seeded PRNG combines them; faker has no
 * Bulgarian locale, so Bulgarian names come from a short list of common ones. The
 * customers reach the store through its public batch write: the store knows nothing of demo data.
 */
import type { Customer, E164, Interaction, Phone, Purchase, Ticket } from '../../../shared/domain.js';
import { AGENTS, buildCountries, type Country, DISPOSITIONS, NOTES, type NumberRange, PRIORITIES, PRODUCTS, STATUSES, TICKET_SUBJECTS } from './demo-catalogue.js';
import type { CustomerBatch, CustomerReader, CustomerWriter } from '../store/desk-store.js';
import { transliterate, type TransliterationTable } from '../store/transliterate.js';
import { seededRandom } from '../../../shared/seeded-random.js';

export interface SeedOptions {
  customers: number;
  seed: number;
  /** Dates are spread over the three years before this moment. */
  now?: Date;
  onProgress?: (done: number) => void;
}

const BATCH = 5_000;
const DAY = 86_400_000;

/**
 * One company in this many answers on a switchboard, and the next few customers are
 * its contacts behind that one number: a call from it has to offer a choice. At the
 * demo desk's 500 customers that is about ten switchboards, enough for the simulator.
 */
const SWITCHBOARD_COMPANY = 1 / 12;
/** Contacts behind a switchboard besides the first. */
const SWITCHBOARD_COLLEAGUES = { min: 2, max: 4 };
/** Prime, so it is coprime to every range size (products of 2, 3, 5 and 7 here): see `numbersOf`. */
const NUMBER_STEP = 2_654_435_761;

const TRANSLITERATION_OF: Partial<Record<Country['code'], TransliterationTable>> = { BG: 'bg', RU: 'ru', UA: 'uk' };

/** Latin letters for names in email addresses, as people pick them: Cyrillic by their country's table, accents dropped. */
function emailPart(name: string, country: Country): string {
  // Polish and English names have no Cyrillic letters, which every table leaves as they are.
  const table = TRANSLITERATION_OF[country.code] ?? 'ru';
  return transliterate(name, table).normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/[^a-z0-9]/g, '');
}

/**
 * The n-th number of a range. Random digits would give strangers the same number now
 * and then (thousands of times in a million customers), and a pop must never offer
 * the wrong person. So n goes through a permutation of the range's numbers instead:
 * n·step + offset modulo the range's size, with step coprime to the size. Customer
 * indexes are unique, so their numbers are too, across seeds run one after another,
 * as long as n stays below the smallest range (12 million Bulgarian landlines).
 */
function numbersOf(callingCode: string, range: NumberRange, offset: number): (n: number) => E164 {
  const blocks = range.prefixes.map((prefix) => ({ prefix, size: 10 ** (range.length - prefix.length) }));
  const total = blocks.reduce((sum, b) => sum + b.size, 0);
  const step = NUMBER_STEP % total;
  return (n) => {
    // step < 10^8 and n < 10^7, so the product is well inside a double's exact integers.
    let v = (n * step + Math.floor(offset * total)) % total;
    for (const { prefix, size } of blocks) {
      if (v < size) return `+${callingCode}${prefix}${String(v).padStart(range.length - prefix.length, '0')}`;
      v -= size;
    }
    throw new Error('unreachable: v is below the sum of the block sizes');
  };
}

export function createDemoGenerator(seed: number, now: Date) {
  const random = seededRandom(seed);
  const countries = buildCountries(seed);
  const totalWeight = countries.reduce((sum, c) => sum + c.weight, 0);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const past = (maxDays: number) => new Date(now.getTime() - random() * maxDays * DAY).toISOString();
  const numbers = new Map(
    countries.map((c) => [c, { mobile: numbersOf(c.callingCode, c.mobile, random()), landline: numbersOf(c.callingCode, c.landline, random()) }]),
  );
  let switchboard: { company: string; number: E164; country: Country; colleaguesLeft: number } | null = null;

  function country(): Country {
    let roll = random() * totalWeight;
    for (const c of countries) if ((roll -= c.weight) < 0) return c;
    return countries[0]!;
  }

  function price(c: Country, euroCents: number, at: string): { amountMinor: number; currency: string } {
    const money = c.formerMoney && at < c.formerMoney.until ? c.formerMoney : c.money;
    return { amountMinor: Math.round((euroCents * money.perEuro) / 100) * 100, currency: money.currency };
  }

  return function customer(index: number): CustomerBatch {
    const id = `d${index}`;
    const colleague = switchboard !== null && switchboard.colleaguesLeft > 0 ? switchboard : null;
    if (colleague) colleague.colleaguesLeft--;
    const business = colleague !== null || random() < 0.25;
    const c = colleague?.country ?? country();
    const sex = random() < 0.5 ? 'male' : 'female';
    const firstName = pick(c.names[sex].first);
    const lastName = pick(c.names[sex].last);
    const company = business ? (colleague?.company ?? pick(c.companies)) : null;
    const own = numbers.get(c)!;
    const phones: Phone[] = [{ e164: own.mobile(index), label: 'mobile' }];
    if (business) phones.push({ e164: colleague?.number ?? own.landline(index), label: 'work' });
    else if (random() < 0.9) phones.push({ e164: own.landline(index), label: 'home' });
    if (business && !colleague && random() < SWITCHBOARD_COMPANY) {
      switchboard = { company: company!, number: phones[1]!.e164, country: c, colleaguesLeft: int(SWITCHBOARD_COLLEAGUES.min, SWITCHBOARD_COLLEAGUES.max) };
    }

    const createdAt = past(3 * 365);
    const record: Customer = {
      id,
      customerNumber: `C-${String(index).padStart(7, '0')}`,
      firstName,
      lastName,
      company,
      email: random() < 0.7 ? `${emailPart(firstName, c)}.${emailPart(lastName, c)}${int(1, 99)}@${c.emailDomain}` : null,
      type: business ? 'business' : 'person',
      industry: business ? pick(['retail', 'logistics', 'healthcare', 'manufacturing', 'it', 'hospitality']) : null,
      source: pick(['web', 'shop', 'partner', 'phone']),
      tags: random() < 0.1 ? ['vip'] : [],
      country: c.code,
      createdAt,
      updatedAt: createdAt,
    };

    const purchases: Purchase[] = Array.from({ length: int(0, 4) }, (_, n) => {
      const product = pick(PRODUCTS);
      const purchasedAt = past(3 * 365);
      return {
        id: `${id}-p${n}`,
        customerId: id,
        orderNumber: `SO-${index}-${n + 1}`,
        product: product.name,
        quantity: random() < 0.85 ? 1 : int(2, 5),
        ...price(c, int(...product.minor), purchasedAt),
        purchasedAt,
      };
    });
    const tickets: Ticket[] = Array.from({ length: int(0, 2) }, (_, n) => {
      const openedAt = past(400);
      return {
        id: `${id}-t${n}`,
        customerId: id,
        subject: pick(TICKET_SUBJECTS),
        status: pick(STATUSES),
        priority: pick(PRIORITIES),
        openedAt,
        slaDueAt: new Date(Date.parse(openedAt) + int(1, 5) * DAY).toISOString(),
      };
    });
    const interactions: Interaction[] = Array.from({ length: int(0, 8) }, (_, n) => ({
      id: `${id}-i${n}`,
      customerId: id,
      kind: random() < 0.8 ? 'call' : 'note',
      callId: null,
      phone: phones[0]!.e164,
      disposition: pick(DISPOSITIONS),
      note: pick(NOTES),
      followUpOn: null,
      agent: pick(AGENTS),
      at: past(2 * 365),
    }));
    return { customers: [{ customer: record, phones }], purchases, tickets, interactions };
  };
}

/** What seeding needs of a store: how many customers it holds, and its batch write. */
export type DemoTarget = Pick<CustomerReader, 'countCustomers'> & Pick<CustomerWriter, 'insertBatch'>;

export async function seedDemoData(store: DemoTarget, { customers, seed, now = new Date(), onProgress }: SeedOptions): Promise<void> {
  const next = createDemoGenerator(seed, now);
  const start = store.countCustomers();
  for (let done = 0; done < customers; ) {
    const batch: CustomerBatch = { customers: [], purchases: [], tickets: [], interactions: [] };
    const size = Math.min(BATCH, customers - done);
    for (let i = 0; i < size; i++) {
      const one = next(start + done + i + 1);
      batch.customers.push(...one.customers);
      batch.purchases.push(...one.purchases);
      batch.tickets.push(...one.tickets);
      batch.interactions.push(...one.interactions);
    }
    store.insertBatch(batch);
    done += size;
    onProgress?.(done);
    // Let the host answer its sockets between batches while a big seed runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
