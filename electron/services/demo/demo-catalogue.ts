/**
 * What demo customers are made of: the countries (numbering ranges, currency, names
 * in their own script), products, ticket subjects and notes. Data only; the
 * generator in demo-data.ts combines it.
 */
import { type Faker, fakerEN_GB, fakerPL, fakerRU, fakerUK } from '@faker-js/faker';
import type { Ticket } from '../../../shared/domain.js';

/** Names and companies drawn from faker per locale, once per seed. */
const POOL = 400;

interface Sexed {
  male: { first: string[]; last: string[] };
  female: { first: string[]; last: string[] };
}

/** Valid numbers: national significant number prefixes and the number's full length. */
export interface NumberRange {
  prefixes: string[];
  length: number;
}

/** A currency and roughly how much of it a euro buys, so a router costs about the same everywhere. */
interface Money {
  currency: string;
  perEuro: number;
}

export interface Country {
  code: 'BG' | 'RU' | 'UA' | 'PL' | 'GB';
  callingCode: string;
  money: Money;
  /** The currency the country used before `money`, for purchases made before `until`. */
  formerMoney?: Money & { until: string };
  mobile: NumberRange;
  landline: NumberRange;
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

export function buildCountries(seed: number): Country[] {
  for (const faker of [fakerRU, fakerUK, fakerPL, fakerEN_GB]) faker.seed(seed);
  const companies = (faker: Faker) => Array.from({ length: POOL }, () => faker.company.name());
  return [
    {
      code: 'BG',
      callingCode: '359',
      // Bulgaria joined the euro on 1 January 2026 at the fixed rate of 1.95583 leva.
      money: { currency: 'EUR', perEuro: 1 },
      formerMoney: { currency: 'BGN', perEuro: 1.95583, until: '2026-01-01T00:00:00.000Z' },
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
      money: { currency: 'RUB', perEuro: 95 },
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
      money: { currency: 'UAH', perEuro: 48 },
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
      money: { currency: 'PLN', perEuro: 4.3 },
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
      money: { currency: 'GBP', perEuro: 0.85 },
      mobile: { prefixes: ['740', '744', '747', '751', '772', '777', '780', '788', '790', '798'], length: 10 },
      landline: { prefixes: ['207', '208', '161'], length: 10 },
      emailDomain: 'mail.example.co.uk',
      weight: 15,
      names: namesFrom(fakerEN_GB),
      companies: companies(fakerEN_GB),
    },
  ];
}

/** Prices in euro cents; other currencies convert them. */
export const PRODUCTS: { name: string; minor: [number, number] }[] = [
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

export const TICKET_SUBJECTS = [
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

export const NOTES = [
  'Called about the last invoice; explained the pro-rata charge.',
  'Restarted the router together; connection stable after that.',
  'Asked for a callback after 17:00.',
  'Interested in the business plan; sent the offer by email.',
  'Complained about the waiting time; apologised and escalated.',
  'Confirmed the technician visit for Thursday morning.',
  'Wrong number, was looking for the bank.',
  'Paid at the office; will send the receipt.',
];

export const DISPOSITIONS = ['resolved', 'callback', 'sale', 'complaint', 'info'];
export const AGENTS = ['agent-1', 'agent-2', 'agent-3', 'agent-7', 'agent-12'];
export const STATUSES: Ticket['status'][] = ['open', 'pending', 'resolved', 'closed', 'closed'];
export const PRIORITIES: Ticket['priority'][] = ['urgent', 'high', 'normal', 'normal', 'low'];
