/**
 * Realistic demo customers: names from the bg, ru, uk, pl and en locales, phones valid
 * in each customer's country, purchases, tickets and past calls. Deterministic for a
 * seed. Faker is too slow to call per row at a million customers, so it fills pools
 * of names and companies once, and a seeded PRNG combines them; faker has no
 * Bulgarian locale, so Bulgarian names come from a short list of common ones.
 */
import { type Faker, fakerEN_GB, fakerPL, fakerRU, fakerUK } from '@faker-js/faker';
import type { Customer, E164, Interaction, Phone, Purchase, Ticket } from '../../../shared/domain.js';
import type { CustomerBatch, DeskStore } from './desk-store.js';

export interface SeedOptions {
  customers: number;
  seed: number;
  /** Dates are spread over the three years before this moment. */
  now?: Date;
  onProgress?: (done: number) => void;
}

const BATCH = 5_000;
const POOL = 400;
const DAY = 86_400_000;

interface Sexed {
  male: { first: string[]; last: string[] };
  female: { first: string[]; last: string[] };
}

interface Country {
  code: 'BG' | 'RU' | 'UA' | 'PL' | 'GB';
  callingCode: string;
  currency: string;
  /** Valid mobile and landline ranges: national significant number prefixes and the number's full length. */
  mobile: { prefixes: string[]; length: number };
  landline: { prefixes: string[]; length: number };
  emailDomain: string;
  weight: number;
  names: Sexed;
  companies: string[];
}

const BG_MALE_FIRST = ['Иван', 'Георги', 'Димитър', 'Петър', 'Николай', 'Христо', 'Стефан', 'Тодор', 'Васил', 'Александър', 'Мартин', 'Калоян', 'Борислав', 'Стоян', 'Атанас'];
const BG_FEMALE_FIRST = ['Мария', 'Елена', 'Иванка', 'Йорданка', 'Пенка', 'Десислава', 'Гергана', 'Надежда', 'Виктория', 'Цветелина', 'Радостина', 'Теодора', 'Милена', 'Силвия', 'Анелия'];
/** Masculine forms; the feminine adds "а" (Иванов → Иванова, Петров → Петрова). */
const BG_LAST = ['Иванов', 'Георгиев', 'Димитров', 'Петров', 'Николов', 'Христов', 'Стоянов', 'Тодоров', 'Илиев', 'Василев', 'Атанасов', 'Ангелов', 'Марков', 'Попов', 'Колев', 'Йорданов', 'Костадинов', 'Стефанов'];
const BG_COMPANY_FORMS = ['ЕООД', 'ООД', 'АД', 'ЕТ'];
const BG_COMPANY_WORDS = ['Балкан', 'Тракия', 'Витоша', 'Родопи', 'Дунав', 'Пирин', 'Черноморие', 'Стара планина', 'Марица', 'Искър'];
const BG_COMPANY_TRADES = ['Логистик', 'Трейд', 'Строй', 'Консулт', 'Софт', 'Агро', 'Мед', 'Транс'];

function namesFrom(faker: Faker): Sexed {
  const pool = (make: () => string) => Array.from({ length: POOL }, make);
  return {
    male: { first: pool(() => faker.person.firstName('male')), last: pool(() => faker.person.lastName('male')) },
    female: { first: pool(() => faker.person.firstName('female')), last: pool(() => faker.person.lastName('female')) },
  };
}

function buildCountries(seed: number): Country[] {
  for (const faker of [fakerRU, fakerUK, fakerPL, fakerEN_GB]) faker.seed(seed);
  const companies = (faker: Faker) => Array.from({ length: POOL }, () => faker.company.name());
  return [
    {
      code: 'BG',
      callingCode: '359',
      currency: 'EUR',
      mobile: { prefixes: ['87', '88', '89'], length: 9 },
      landline: { prefixes: ['2', '32', '52'], length: 8 },
      emailDomain: 'abv.example.bg',
      weight: 35,
      names: {
        male: { first: BG_MALE_FIRST, last: BG_LAST },
        female: { first: BG_FEMALE_FIRST, last: BG_LAST.map((name) => `${name}а`) },
      },
      companies: BG_COMPANY_WORDS.flatMap((word) => BG_COMPANY_TRADES.map((trade, i) => `${word} ${trade} ${BG_COMPANY_FORMS[i % 4]}`)),
    },
    {
      code: 'RU',
      callingCode: '7',
      currency: 'RUB',
      mobile: { prefixes: ['903', '915', '916', '925', '926', '985'], length: 10 },
      landline: { prefixes: ['495', '499', '812'], length: 10 },
      emailDomain: 'mail.example.ru',
      weight: 15,
      names: namesFrom(fakerRU),
      companies: companies(fakerRU),
    },
    {
      code: 'UA',
      callingCode: '380',
      currency: 'UAH',
      mobile: { prefixes: ['50', '66', '67', '63', '73', '93', '97'], length: 9 },
      landline: { prefixes: ['44'], length: 9 },
      emailDomain: 'ukr.example.ua',
      weight: 15,
      names: namesFrom(fakerUK),
      companies: companies(fakerUK),
    },
    {
      code: 'PL',
      callingCode: '48',
      currency: 'PLN',
      mobile: { prefixes: ['50', '51', '60', '66', '69', '72', '79', '88'], length: 9 },
      landline: { prefixes: ['22', '12', '61'], length: 9 },
      emailDomain: 'poczta.example.pl',
      weight: 20,
      names: namesFrom(fakerPL),
      companies: companies(fakerPL),
    },
    {
      code: 'GB',
      callingCode: '44',
      currency: 'GBP',
      mobile: { prefixes: ['740', '744', '747', '751', '772', '777', '780', '788', '790', '798'], length: 10 },
      landline: { prefixes: ['207', '208', '161'], length: 10 },
      emailDomain: 'mail.example.co.uk',
      weight: 15,
      names: namesFrom(fakerEN_GB),
      companies: companies(fakerEN_GB),
    },
  ];
}

const PRODUCTS: { name: string; minor: [number, number] }[] = [
  { name: 'Router X200', minor: [8_900, 15_900] },
  { name: 'Fibre 500 Mbit/s plan, 12 months', minor: [29_900, 49_900] },
  { name: 'Mesh Wi-Fi kit (3 nodes)', minor: [19_900, 34_900] },
  { name: 'IP desk phone T46', minor: [12_900, 18_900] },
  { name: 'Smartphone Nova 12', minor: [39_900, 89_900] },
  { name: 'TV box 4K', minor: [6_900, 11_900] },
  { name: 'Static IP address, 12 months', minor: [4_800, 9_600] },
  { name: 'Business PBX, 10 seats', minor: [99_000, 189_000] },
  { name: 'Installation visit', minor: [2_500, 6_000] },
  { name: 'Extended warranty, 2 years', minor: [3_900, 7_900] },
];

const TICKET_SUBJECTS = [
  'Router drops Wi-Fi at night',
  'Invoice shows a double charge',
  'Slow internet in the evenings',
  'Request to move the line to a new address',
  'No dial tone on the desk phone',
  'TV box freezes on channel change',
  'Wants to upgrade the plan',
  'Delivery did not arrive',
  'Cancel the static IP add-on',
  'Technician missed the appointment',
];

const NOTES = [
  'Called about the last invoice; explained the pro-rata charge.',
  'Restarted the router together; connection stable after that.',
  'Asked for a callback after 17:00.',
  'Interested in the business plan; sent the offer by email.',
  'Complained about the waiting time; apologised and escalated.',
  'Confirmed the technician visit for Thursday morning.',
  'Wrong number, was looking for the bank.',
  'Paid at the office; will send the receipt.',
];

const DISPOSITIONS = ['resolved', 'callback', 'sale', 'complaint', 'info'];
const AGENTS = ['agent-1', 'agent-2', 'agent-3', 'agent-7', 'agent-12'];
const STATUSES: Ticket['status'][] = ['open', 'pending', 'resolved', 'closed', 'closed'];
const PRIORITIES: Ticket['priority'][] = ['urgent', 'high', 'normal', 'normal', 'low'];

/** Latin letters for Cyrillic names in email addresses, as people pick them. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'sht', ъ: 'a', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', "'": '',
};

function emailPart(name: string): string {
  return [...name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l')]
    .map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]/g, '');
}

/** mulberry32: tiny, fast and good enough to spread demo data; not for anything secret. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function createDemoGenerator(seed: number, now: Date) {
  const random = prng(seed);
  const countries = buildCountries(seed);
  const totalWeight = countries.reduce((sum, c) => sum + c.weight, 0);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const past = (maxDays: number) => new Date(now.getTime() - random() * maxDays * DAY).toISOString();
  let lastBusiness: { company: string; switchboard: E164; country: Country } | null = null;

  function country(): Country {
    let roll = random() * totalWeight;
    for (const c of countries) if ((roll -= c.weight) < 0) return c;
    return countries[0]!;
  }

  function phone(c: Country, range: 'mobile' | 'landline'): E164 {
    const plan = c[range];
    const prefix = pick(plan.prefixes);
    return `+${c.callingCode}${prefix}${digits(plan.length - prefix.length)}`;
  }

  return function customer(index: number): CustomerBatch {
    const id = `d${index}`;
    const business = random() < 0.25;
    // Some business contacts share their company's switchboard: the pop has to offer a choice.
    const colleague = business && lastBusiness !== null && random() < 0.3 ? lastBusiness : null;
    const c = colleague?.country ?? country();
    const sex = random() < 0.5 ? 'male' : 'female';
    const firstName = pick(c.names[sex].first);
    const lastName = pick(c.names[sex].last);
    const company = business ? (colleague?.company ?? pick(c.companies)) : null;
    const phones: Phone[] = [{ e164: phone(c, 'mobile'), label: 'mobile' }];
    if (business) phones.push({ e164: colleague?.switchboard ?? phone(c, 'landline'), label: 'work' });
    else if (random() < 0.9) phones.push({ e164: phone(c, 'landline'), label: 'home' });
    if (business && !colleague) lastBusiness = { company: company!, switchboard: phones[1]!.e164, country: c };

    const createdAt = past(3 * 365);
    const record: Customer = {
      id,
      customerNumber: `C-${String(index).padStart(7, '0')}`,
      firstName,
      lastName,
      company,
      email: random() < 0.7 ? `${emailPart(firstName)}.${emailPart(lastName)}${int(1, 99)}@${c.emailDomain}` : null,
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
      return {
        id: `${id}-p${n}`,
        customerId: id,
        orderNumber: `SO-${index}-${n + 1}`,
        product: product.name,
        quantity: random() < 0.85 ? 1 : int(2, 5),
        amountMinor: int(...product.minor),
        currency: c.currency,
        purchasedAt: past(3 * 365),
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

export async function seedDemoData(store: DeskStore, { customers, seed, now = new Date(), onProgress }: SeedOptions): Promise<void> {
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
