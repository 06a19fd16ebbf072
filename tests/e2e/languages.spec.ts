/**
 * The desk in the operator's language, in Chromium: what it starts in, the agent switching
 * it, what IT locks, dates and amounts through Intl, and no text cut at 1366×768 in any of
 * its languages nor in a pseudo-locale 40% longer than English.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { Locale } from '../../shared/i18n/locales.js';
import { postScriptedDayAsAdmin } from '../support/board-generator.js';
import { clippedTextOn } from '../support/clipped-text.js';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { hubThatHangsUp } from '../support/hub-that-hangs-up.js';
import { pseudoText } from '../support/pseudo-locale.js';
import { buildPseudoRenderer, usePseudoRenderer } from '../support/pseudo-renderer.js';
import { type HubOnPostgres, startHubOnPostgres } from '../support/hub-on-postgres.js';
import { seededDataDir } from '../support/seeded-data-dir.js';
import { PASSWORD } from '../support/test-hub.js';

const SCREEN = { width: 1366, height: 768 };
let dataDir: string;
let desk: DeskProcess | undefined;

test.beforeEach(() => {
  dataDir = seededDataDir('desk-lang-e2e-');
});
test.afterEach(async () => {
  await desk?.stop();
  desk = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function popIvan(page: Page, callId = 'lang-1') {
  await desk!.postCallEvent({ callId, state: 'ringing', remote: '0888 123 456' });
  const card = page.getByRole('region', { name: /Иван Иванов/ });
  await expect(card).toBeVisible();
  return card;
}

test('a desk on a Bulgarian machine speaks Bulgarian: the card, its dates and its amounts', async ({ page }) => {
  desk = await startDeskProcess(dataDir, {}, { env: { LANG: 'bg_BG.UTF-8', TZ: 'Europe/Sofia' } });
  await page.goto(desk.url);
  const card = await popIvan(page);
  await expect(card).toHaveAccessibleName('Входящо обаждане от Иван Иванов');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bg');
  const purchase = card.getByRole('row', { name: /Router X200/ });
  await expect(purchase).toContainText('2.03.2026 г.');
  await expect(purchase).toContainText('129,00 лв.');
  // Opened 08:00 UTC: 11:00 on a desk in Sofia (summer time), in the 24-hour clock.
  await expect(card.getByText('Router drops Wi-Fi at night').locator('..')).toContainText('1.04.2026 г.');
  await expect(card).toContainText('2.04.2026 г., 11:00');

  // The follow-up is typed the way Bulgarian writes a date, not the browser's mm/dd/yyyy.
  const followUp = page.getByLabel('Проследяване');
  await expect(followUp).toHaveAttribute('placeholder', 'дд.мм.гггг г.');
  await page.getByLabel('Резултат').selectOption({ label: 'Обратно обаждане' });
  await followUp.fill('31.02.2026');
  await page.getByRole('button', { name: 'Запази бележката' }).click();
  await expect(page.getByRole('alert')).toHaveText('Въведете датата за проследяване като дд.мм.гггг г. или оставете полето празно.');
  await followUp.fill('1.12.2026');
  await page.getByRole('button', { name: 'Запази бележката' }).click();
  await expect(card.getByRole('list', { name: 'История' })).toContainText('за проследяване на 1.12.2026 г.');
});

test('a Polish desk writes Polish month names, in Polish', async ({ page }) => {
  desk = await startDeskProcess(dataDir, { defaultLocale: 'pl' });
  await page.goto(desk.url);
  const card = await popIvan(page);
  await expect(card).toHaveAccessibleName('Połączenie przychodzące od Иван Иванов');
  await expect(card.getByRole('row', { name: /Router X200/ })).toContainText('2 mar 2026');
  await expect(card.getByRole('row', { name: /Router X200/ })).toContainText('129,00 BGN');
  await expect(page.getByLabel('Wynik rozmowy').locator('option')).toHaveText([
    'Wybierz wynik…',
    'Sprawa rozwiązana',
    'Oddzwonić',
    'Sprzedaż',
    'Reklamacja',
    'Udzielono informacji',
    'Pomyłka',
  ]);
});

test('the agent switches language in settings: every screen of the desk follows at once, and the desk starts in it next time', async ({ browser, page }) => {
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  const other = await browser.newPage();
  await other.goto(desk.url);
  await popIvan(page);
  await expect(other.getByRole('region', { name: 'Incoming call from Иван Иванов' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Note' }).fill('Звъни за рутера');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').getByLabel('Language').selectOption({ label: 'Русский' });
  const dialog = page.getByRole('dialog', { name: 'Настройки рабочего места' });
  await expect(dialog.getByRole('status')).toHaveText('Язык сохранён для этого рабочего места.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(page.getByRole('region', { name: 'Входящий звонок от Иван Иванов' })).toBeVisible();
  // No reload: what the operator had typed is still in the note.
  await expect(page.getByRole('textbox', { name: 'Заметка' })).toHaveValue('Звъни за рутера');
  await expect(other.getByRole('region', { name: 'Входящий звонок от Иван Иванов' })).toBeVisible();
  await expect(other.getByLabel('Результат звонка').locator('option').nth(1)).toHaveText('Вопрос решён');

  const settings = join(dataDir, '.agent-desk', 'settings.json');
  expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({ locale: 'ru' });
  await desk.stop();
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: 'Связь с рабочим местом' })).toHaveText('Подключено');
  await other.close();
});

test('IT’s policy sets the language: the desk speaks it and the picker says who locked it', async ({ page }) => {
  const policy = join(dataDir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ locale: 'uk' }));
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  await popIvan(page);
  await expect(page.getByRole('region', { name: 'Вхідний дзвінок від Иван Иванов' })).toBeVisible();
  await page.getByRole('button', { name: 'Налаштування' }).click();
  const dialog = page.getByRole('dialog', { name: 'Налаштування робочого місця' });
  await expect(dialog.getByLabel('Мова')).toBeDisabled();
  await expect(dialog.getByRole('row', { name: /Мова/ })).toContainText(`Задано політикою ІТ ${policy}`);
  expect(existsSync(join(dataDir, '.agent-desk', 'settings.json'))).toBe(false);
});

test('a sign-in that fails says what happened and what to do, in the agent’s language', async ({ page }) => {
  const hub = await hubThatHangsUp();
  desk = await startDeskProcess(dataDir, { defaultLocale: 'bg', hub: { url: hub.url } });
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: 'Синхронизация със сървъра' })).toHaveText('Сървър: не сте влезли');
  await page.getByRole('button', { name: 'Вход', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Вход в сървъра' });
  await dialog.getByLabel('Парола').fill('wrong');
  await dialog.getByRole('button', { name: 'Вход' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Работното място не може да се свърже със сървъра в момента. Проверете мрежата и опитайте отново след малко.',
  );
  hub.server.close();
});

const SPOKEN: Record<Exclude<Locale, 'en'>, { card: string; settings: string; title: string }> = {
  bg: { card: 'Входящо обаждане от Иван Иванов', settings: 'Настройки', title: 'Настройки на работното място' },
  ru: { card: 'Входящий звонок от Иван Иванов', settings: 'Настройки', title: 'Настройки рабочего места' },
  uk: { card: 'Вхідний дзвінок від Иван Иванов', settings: 'Налаштування', title: 'Налаштування робочого місця' },
  pl: { card: 'Połączenie przychodzące od Иван Иванов', settings: 'Ustawienia', title: 'Ustawienia stanowiska' },
};

for (const [locale, spoken] of Object.entries(SPOKEN)) {
  test(`no text is clipped at 1366×768 in ${locale}: the card and the settings`, async ({ page }) => {
    await page.setViewportSize(SCREEN);
    desk = await startDeskProcess(dataDir, { defaultLocale: locale as Locale });
    await page.goto(desk.url);
    await expect(await popIvan(page)).toHaveAccessibleName(spoken.card);
    expect(await clippedTextOn(page)).toEqual([]);
    await page.getByRole('button', { name: spoken.settings, exact: true }).click();
    await expect(page.getByRole('dialog', { name: spoken.title })).toBeVisible();
    expect(await clippedTextOn(page)).toEqual([]);
  });
}

test.describe('in the pseudo-locale, 40% longer than English', () => {
  /** A text of en.json as the pseudo-locale shows it. */
  const en = JSON.parse(readFileSync('shared/i18n/en.json', 'utf8')) as Record<string, Record<string, string>>;
  const pseudo = (group: string, key: string) => pseudoText(en[group]![key]!);

  test.beforeAll(() => buildPseudoRenderer());
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(SCREEN);
    await usePseudoRenderer(page);
  });

  test('no text is clipped on the desk: a known caller’s card, its edit form, an unknown caller’s create form, the settings', async ({ page }) => {
    desk = await startDeskProcess(dataDir);
    await page.goto(desk.url);
    await expect(page.getByRole('status', { name: pseudo('connection', 'label') })).toHaveText(pseudo('connection', 'connected'));
    await popIvan(page);
    expect(await clippedTextOn(page)).toEqual([]);

    await page.getByRole('button', { name: pseudo('edit', 'open') }).click();
    await expect(page.getByRole('form', { name: pseudo('edit', 'title') })).toBeVisible();
    expect(await clippedTextOn(page)).toEqual([]);

    await desk.postCallEvent({ callId: 'lang-2', state: 'ringing', remote: '+359888999000' });
    await expect(page.getByRole('form', { name: pseudo('create', 'title') })).toBeVisible();
    expect(await clippedTextOn(page)).toEqual([]);

    await page.getByRole('button', { name: pseudo('settings', 'open') }).click();
    await expect(page.getByRole('dialog', { name: pseudo('settings', 'title') })).toBeVisible();
    expect(await clippedTextOn(page)).toEqual([]);
  });

  test('no text is clipped in the sign-in dialog', async ({ page }) => {
    const hub = await hubThatHangsUp();
    desk = await startDeskProcess(dataDir, { hub: { url: hub.url } });
    await page.goto(desk.url);
    await page.getByRole('button', { name: pseudo('signIn', 'open') }).click();
    await expect(page.getByRole('dialog', { name: pseudo('signIn', 'title') })).toBeVisible();
    expect(await clippedTextOn(page)).toEqual([]);
    hub.server.close();
  });
});

test.describe('the supervisor board', () => {
  let setup: HubOnPostgres;
  test.beforeAll(async () => {
    buildPseudoRenderer();
    setup = await startHubOnPostgres('board-lang-e2e-');
    await postScriptedDayAsAdmin(setup.hub.url, 4, 12);
  });
  test.afterAll(async () => {
    await setup?.close();
  });

  async function logIn(page: Page, username: string, labels: { username: string; password: string; logIn: string }) {
    await page.goto(`${setup.hub.url}/board/`);
    await page.getByLabel(labels.username).fill(username);
    await page.getByLabel(labels.password).fill(PASSWORD);
    await page.getByRole('button', { name: labels.logIn }).click();
  }

  test.describe('in a Polish browser', () => {
    test.use({ locale: 'pl-PL' });

    test('speaks Polish, and refuses an operator in Polish', async ({ page }) => {
      const polish = { username: 'Nazwa użytkownika', password: 'Hasło', logIn: 'Zaloguj' };
      await logIn(page, 'alice', polish);
      await expect(page.getByRole('alert')).toHaveText('Alice Operator jest konsultantem. Panel jest dla supervisorów: zaloguj się na konto supervisora.');
      await logIn(page, 'sam', polish);
      await expect(page.getByRole('status')).toHaveText('Na żywo');
      await expect(page.getByRole('region', { name: 'Kolejka queue-01' })).toContainText('Porzucone');
      await expect(page.getByRole('table', { name: 'Konsultanci' })).toContainText('W rozmowie');
    });
  });

  test('has no clipped text at 1366×768 in the pseudo-locale: its login and the live board', async ({ page }) => {
    const en = JSON.parse(readFileSync('shared/i18n/en.json', 'utf8')) as { board: Record<string, string> };
    await page.setViewportSize(SCREEN);
    await usePseudoRenderer(page);
    await page.goto(`${setup.hub.url}/board/`);
    await expect(page.getByRole('form', { name: pseudoText(en.board.login!) })).toBeVisible();
    expect(await clippedTextOn(page)).toEqual([]);
    await logIn(page, 'sam', { username: pseudoText(en.board.username!), password: pseudoText(en.board.password!), logIn: pseudoText(en.board.logIn!) });
    await expect(page.getByRole('region', { name: /queue-04/ })).toBeVisible();
    expect(await clippedTextOn(page)).toEqual([]);
  });
});
