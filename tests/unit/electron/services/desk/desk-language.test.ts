/**
 * The agent's language: where a desk's comes from at start, how the agent switches it
 * (every attached UI told at once, kept in their settings file), and what IT can lock.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../../../shared/desk-api.js';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { loadEffectiveConfig } from '../../../../../electron/services/config/effective-config.js';
import { saveUserSettings } from '../../../../../electron/services/config/user-settings.js';
import { createDesk } from '../../../../../electron/services/desk/desk.js';
import { resolveLanguage } from '../../../../../electron/services/desk/desk-language.js';
import { silentLogger } from '../../../../../electron/services/log.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';

let dir: string;
let store: DeskStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-language-'));
  store = openDeskStore(join(dir, 'desk.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const files = () => ({ policy: join(dir, 'policy.json'), lastGoodPolicy: join(dir, 'policy.last-good.json'), user: join(dir, 'settings.json') });

describe('the language a desk starts in', () => {
  const unset = { locale: null, defaultLocale: null, timeZone: null };

  it('is the OS’s when nobody chose one, in the OS’s time zone', () => {
    expect(resolveLanguage(unset, { locales: ['uk-UA'], timeZone: 'Europe/Kyiv' })).toEqual({ locale: 'uk', timeZone: 'Europe/Kyiv' });
    expect(resolveLanguage(unset, { locales: ['pl_PL.UTF-8'], timeZone: 'Europe/Warsaw' })).toEqual({ locale: 'pl', timeZone: 'Europe/Warsaw' });
  });

  it('is English on an OS whose languages the desk does not speak, and UTC for a zone that is not IANA', () => {
    expect(resolveLanguage(unset, { locales: ['de-DE', 'C'], timeZone: 'Mars/Olympus' })).toEqual({ locale: 'en', timeZone: 'UTC' });
  });

  it('is IT’s default over the OS’s, and the agent’s choice over both', () => {
    const system = { locales: ['en-US'], timeZone: 'UTC' };
    expect(resolveLanguage({ ...unset, defaultLocale: 'bg' }, system).locale).toBe('bg');
    expect(resolveLanguage({ ...unset, defaultLocale: 'bg', locale: 'ru' }, system).locale).toBe('ru');
  });

  it('is in the zone the configuration names', () => {
    expect(resolveLanguage({ ...unset, timeZone: 'Europe/Sofia' }, { locales: [], timeZone: 'UTC' }).timeZone).toBe('Europe/Sofia');
  });
});

describe('the configuration’s language fields', () => {
  it('take the desk’s languages and IANA zones only, naming the field otherwise', () => {
    expect(parseDeskConfig({ locale: 'pl', defaultLocale: 'bg', timeZone: 'Europe/Warsaw' }, 'test')).toMatchObject({ locale: 'pl', defaultLocale: 'bg', timeZone: 'Europe/Warsaw' });
    expect(() => parseDeskConfig({ locale: 'de' }, 'policy.json')).toThrow(/policy\.json: locale: one of the desk's languages: en, bg, ru, uk, pl/);
    expect(() => parseDeskConfig({ timeZone: 'Sofia' }, 'policy.json')).toThrow(/timeZone: an IANA time zone/);
  });

  it('label a disposition with one string, as before, or one per language', () => {
    const config = parseDeskConfig({ dispositions: [{ code: 'a', label: 'Plain' }, { code: 'b', label: { bg: 'Продажба', pl: 'Sprzedaż' } }] }, 'test');
    expect(config.dispositions.map((d) => d.label)).toEqual(['Plain', { bg: 'Продажба', pl: 'Sprzedaż' }]);
    expect(() => parseDeskConfig({ dispositions: [{ code: 'b', label: { de: 'Verkauf' } }] }, 'policy.json')).toThrow(/dispositions\.0\.label/);
    expect(() => parseDeskConfig({ dispositions: [{ code: 'b', label: {} }] }, 'policy.json')).toThrow(/a label in at least one of the languages/);
  });

  it('give the embedded dispositions a label in every language', () => {
    const resolved = parseDeskConfig({}, 'test').dispositions.find((d) => d.code === 'resolved');
    expect(resolved?.label).toEqual({ en: 'Resolved', bg: 'Решено', ru: 'Вопрос решён', uk: 'Питання вирішено', pl: 'Sprawa rozwiązana' });
  });
});

describe('the agent switching language', () => {
  function deskWith(policy: object) {
    writeFileSync(files().policy, JSON.stringify(policy));
    const effective = loadEffectiveConfig(files());
    const desk = createDesk({
      config: effective.config,
      store,
      log: silentLogger,
      configuration: { locked: effective.locked, problems: effective.problems },
      language: { locale: 'en', timeZone: 'Europe/Sofia' },
      saveLocale: (locale) => saveUserSettings(files().user, { locale }),
    });
    const events: DeskEvent[] = [];
    desk.subscribe((e) => events.push(e));
    return { desk, events };
  }

  it('tells every attached UI, keeps it in the user’s settings, and the next start speaks it', async () => {
    const { desk, events } = deskWith({});
    expect((await desk.handlers.getDeskState({})).language).toEqual({ locale: 'en', timeZone: 'Europe/Sofia' });
    expect(await desk.handlers.setLocale({ locale: 'uk' })).toEqual({ locale: 'uk', timeZone: 'Europe/Sofia' });
    expect(events).toContainEqual({ name: 'language', payload: { locale: 'uk', timeZone: 'Europe/Sofia' } });
    expect(desk.language().locale).toBe('uk');
    expect(JSON.parse(readFileSync(files().user, 'utf8'))).toEqual({ locale: 'uk' });
    expect(loadEffectiveConfig(files()).config.locale).toBe('uk');
  });

  it('wins over the policy’s default language, which does not lock it', async () => {
    const { desk } = deskWith({ defaultLocale: 'bg' });
    await desk.handlers.setLocale({ locale: 'pl' });
    const next = loadEffectiveConfig(files()).config;
    expect(resolveLanguage(next, { locales: ['en'], timeZone: 'UTC' }).locale).toBe('pl');
  });

  it('is refused, naming the policy, when IT’s policy sets the language', async () => {
    const { desk, events } = deskWith({ locale: 'ru' });
    await expect(desk.handlers.setLocale({ locale: 'bg' })).rejects.toMatchObject({ error: { code: 'refused', key: 'localeLocked', values: { file: files().policy } } });
    expect(events.filter((e) => e.name === 'language')).toEqual([]);
  });

  it('is refused, and nothing switches, when the settings file cannot take it; the file is left as it was', async () => {
    const { desk, events } = deskWith({});
    writeFileSync(files().user, '{"region": "BG",');
    await expect(desk.handlers.setLocale({ locale: 'bg' })).rejects.toMatchObject({
      error: { code: 'internal', key: 'settingsNotSaved', values: { file: files().user, reason: 'it is not valid JSON' } },
    });
    expect(desk.language().locale).toBe('en');
    expect(events).toEqual([]);
    expect(readFileSync(files().user, 'utf8')).toBe('{"region": "BG",');
  });
});

describe('the user’s settings file', () => {
  it('keeps every other setting when one is changed', () => {
    writeFileSync(files().user, JSON.stringify({ agent: { id: 'olena', name: 'Олена' }, region: 'UA' }));
    saveUserSettings(files().user, { locale: 'uk' });
    expect(JSON.parse(readFileSync(files().user, 'utf8'))).toEqual({ agent: { id: 'olena', name: 'Олена' }, region: 'UA', locale: 'uk' });
  });

  it('is created, with its folder, when there is none yet', () => {
    const user = join(dir, 'new', 'settings.json');
    saveUserSettings(user, { locale: 'pl' });
    expect(JSON.parse(readFileSync(user, 'utf8'))).toEqual({ locale: 'pl' });
  });

  it('is not written when the change would make it invalid', () => {
    writeFileSync(files().user, JSON.stringify({ region: 'BG' }));
    expect(() => saveUserSettings(files().user, { locale: 'de' as never })).toThrow(/locale/);
    expect(JSON.parse(readFileSync(files().user, 'utf8'))).toEqual({ region: 'BG' });
  });
});
