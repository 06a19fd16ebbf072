import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { agentId, postBoardInputs, scriptedDay } from '../support/board-generator.js';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { type HubOnPostgres, startHubOnPostgres } from '../support/hub-on-postgres.js';
import { PASSWORD, signIn } from '../support/test-hub.js';

const QUEUES = 50;
const AGENTS = 500;

let setup: HubOnPostgres;
let desk: DeskProcess | undefined;

test.beforeAll(async () => {
  setup = await startHubOnPostgres('board-e2e-');
});

test.afterAll(async () => {
  await desk?.stop();
  await setup?.close();
});

async function login(page: Page, username: string): Promise<void> {
  await page.goto(`${setup.hub.url}/board/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

const session = (username: string) => signIn(setup.hub.url, username);

test('an operator cannot open the board, by logging in or with their token', async ({ page }) => {
  await login(page, 'alice');
  await expect(page.getByRole('alert')).toHaveText("Alice Operator is an operator. The board is for supervisors: log in with a supervisor's account.");
  await expect(page.getByRole('region', { name: /^Queue / })).toHaveCount(0);

  const { token } = await session('alice');
  await page.evaluate((t) => sessionStorage.setItem('agent-desk-board-token', t), token);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('Your session has ended. Log in again.');
});

test('shows 50 queues and 500 agents with the figures the definitions give for a scripted day', async ({ page }) => {
  await login(page, 'sam');
  await expect(page.getByRole('status')).toHaveText('Live');

  const { inputs, expected } = scriptedDay(QUEUES, AGENTS);
  await postBoardInputs(setup.hub.url, (await session('root')).token, inputs);
  await expect(page.getByRole('region', { name: /^Queue / })).toHaveCount(QUEUES);
  await expect(page.getByRole('table', { name: 'Agents' }).locator('tbody tr')).toHaveCount(AGENTS);

  const onScreen = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.queue-tile')].map((tile) => {
        const figure = (key: string) => tile.querySelector(`[data-figure="${key}"] dd`)!.textContent!;
        return {
          name: tile.querySelector('h2')!.textContent!,
          offered: Number(figure('offered')),
          answered: Number(figure('answered')),
          abandoned: Number(figure('abandoned')),
          waiting: Number(figure('waiting')),
          serviceLevelPercent: parseInt(figure('serviceLevel'), 10),
          averageSpeedOfAnswerSeconds: parseInt(figure('asa'), 10),
          averageHandleSeconds: parseInt(figure('aht'), 10),
        };
      }),
    );
  await expect.poll(onScreen, { timeout: 10_000 }).toEqual(expected);

  // queue-01 has callers waiting over a minute; queue-02's service level is 67 % (red at 70 %); queue-03 answered all within 20 s.
  await expect(page.getByRole('region', { name: 'Queue queue-01' })).toHaveAttribute('data-level', 'red');
  await expect(page.getByRole('region', { name: 'Queue queue-02' })).toHaveAttribute('data-level', 'red');
  await expect(page.getByRole('region', { name: 'Queue queue-03' })).toHaveAttribute('data-level', 'ok');
  await expect(page.getByRole('img', { name: /per 15 minutes from .* in queue-01/ })).toBeVisible();

  const onCall = page.locator(`tr[data-agent="${agentId(1)}"]`);
  await expect(onCall).toContainText('On a call');
  await expect(onCall).toContainText('Customer 2');
  await expect(onCall).toContainText('queue-02');
  await expect(page.locator(`tr[data-agent="${agentId(3)}"]`)).toContainText('Break: lunch');
});

test('an operator’s state on their desk shows on the board: available once it opens, break, ringing with the customer, on the call, wrap-up, offline when it closes', async ({ browser }) => {
  const board = await browser.newPage();
  await login(board, 'sam');
  desk = await startDeskProcess(mkdtempSync(join(setup.dir, 'bob-')), { agent: { id: 'bob', name: 'Bob' }, hub: { url: setup.hub.url, password: PASSWORD }, wrapUpSeconds: 120 });
  const operator = await browser.newPage();
  await operator.goto(desk.url);
  await expect(operator.getByRole('status', { name: 'Sync with the hub' })).toHaveText('Hub: up to date');
  const bobOnBoard = board.locator('tr[data-agent="bob"]');
  await expect(bobOnBoard).toContainText('Available');

  await operator.getByLabel('My state').selectOption('break:lunch');
  await expect(bobOnBoard).toContainText('Break: lunch');

  await operator.getByLabel('My state').selectOption('available');
  await desk.postCallEvent({ callId: 'board-1', state: 'ringing', remote: '0888 123 456', queue: 'queue-07' });
  await expect(bobOnBoard).toContainText('Ringing');
  await expect(bobOnBoard).toContainText('Иван Иванов');
  await expect(bobOnBoard).toContainText('queue-07');

  await desk.postCallEvent({ callId: 'board-1', state: 'answered', remote: '0888 123 456', queue: 'queue-07' });
  await expect(bobOnBoard).toContainText('On a call');
  await desk.postCallEvent({ callId: 'board-1', state: 'ended', remote: '0888 123 456', queue: 'queue-07' });
  await expect(bobOnBoard).toContainText('Wrap-up');
  const wrapUp = operator.getByRole('status', { name: 'Wrap-up' });
  await expect(wrapUp).toContainText(/Wrap-up: \d+ seconds? left/);
  await wrapUp.getByRole('button', { name: 'End wrap-up' }).click();
  await expect(bobOnBoard).toContainText('Available');
  await expect(wrapUp).toHaveCount(0);

  await desk.stop();
  desk = undefined;
  await expect(bobOnBoard).toContainText('Offline');
});

