/**
 * The supervisor board under load: 500 agents and 50 queues on the board, then queue
 * calls at a steady rate through the hub (join, answer, completion, and the agents'
 * state changes). Each join is timed from the moment it is posted to the hub until its
 * queue's tile shows the new count in Chromium; the page's long tasks are recorded.
 */
import { chromium } from '@playwright/test';
import type { BoardInput } from '../../shared/board.js';
import { agentId, postBoardInputs, queueName, scriptedDay } from '../support/board-generator.js';
import { debianChromium } from '../support/debian-chromium.js';
import { startHubOnPostgres } from '../support/hub-on-postgres.js';
import { PASSWORD, signIn } from '../support/test-hub.js';
import { percentile } from './stats.js';

export interface BoardLiveFigures {
  agents: number;
  queues: number;
  callsPerSecond: number;
  seconds: number;
  joinsTimed: number;
  eventToTile: { p50Ms: number; p95Ms: number; maxMs: number; targetP95Ms: number };
  longTasks: { count: number; maxMs: number };
}

export async function benchBoardLive(agents: number, queues: number, callsPerSecond: number, seconds: number): Promise<BoardLiveFigures> {
  const setup = await startHubOnPostgres('board-bench-');
  const browser = await chromium.launch(debianChromium);
  try {
    const { hub } = setup;
    const admin = (await signIn(hub.url, 'root')).token;
    const day = scriptedDay(queues, agents);
    await postBoardInputs(hub.url, admin, day.inputs);
    const offered = new Map(day.expected.map((q) => [q.name, q.offered]));

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/board/`);
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('region', { name: /^Queue / }).nth(queues - 1).waitFor();
    // Each tile's "offered" text, stamped with the time it first showed each value. A string, not a function:
    // tsx would wrap a function's inner closures in a helper the page does not have.
    await page.evaluate(`
      window.boardBench = { longTasks: [], seen: {} };
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.boardBench.longTasks.push(e.duration))).observe({ type: 'longtask' });
      new MutationObserver(() => {
        for (const tile of document.querySelectorAll('.queue-tile')) {
          const key = tile.querySelector('h2').textContent + '#' + tile.querySelector('[data-figure="offered"] dd').textContent;
          window.boardBench.seen[key] ??= Date.now();
        }
      }).observe(document.querySelector('.queue-grid'), { subtree: true, characterData: true, childList: true });
    `);

    const sent = new Map<string, number>();
    const answering: { queue: string; callId: string; joinedAt: number }[] = [];
    const tickMs = 1_000 / callsPerSecond;
    const started = Date.now();
    for (let n = 0; Date.now() - started < seconds * 1_000; n++) {
      const queue = queueName(n % queues);
      const callId = `bench-${n}`;
      const at = new Date().toISOString();
      const inputs: BoardInput[] = [{ kind: 'pbx', event: { kind: 'queueCallerJoin', queue, at, callId, caller: '+359888123456', position: 1 } }];
      answering.push({ queue, callId, joinedAt: Date.now() });
      // Calls are answered about two seconds after they join, by an agent who goes on the call.
      while (answering.length > 0 && Date.now() - answering[0]!.joinedAt > 2_000) {
        const call = answering.shift()!;
        const holdSeconds = Math.round((Date.now() - call.joinedAt) / 1_000);
        inputs.push(
          { kind: 'pbx', event: { kind: 'agentConnect', queue: call.queue, at, callId: call.callId, member: 'PJSIP/1', memberName: 'A', holdSeconds } },
          { kind: 'agent', agentId: agentId(n % agents), name: `Agent ${n % agents}`, report: { state: 'on_call', at, call: { customer: `Customer ${n}`, queue: call.queue } } },
        );
      }
      const count = (offered.get(queue) ?? 0) + 1;
      offered.set(queue, count);
      sent.set(`${queue}#${count}`, Date.now());
      await postBoardInputs(hub.url, admin, inputs);
      const wait = started + (n + 1) * tickMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await page.waitForTimeout(2_000);
    const { longTasks, seen } = (await page.evaluate('window.boardBench')) as { longTasks: number[]; seen: Record<string, number> };
    const delays = [...sent].map(([key, at]) => (seen[key] ?? Number.POSITIVE_INFINITY) - at);
    const round = (v: number) => Number(v.toFixed(1));
    return {
      agents,
      queues,
      callsPerSecond,
      seconds,
      joinsTimed: delays.length,
      eventToTile: { p50Ms: round(percentile(delays, 50)), p95Ms: round(percentile(delays, 95)), maxMs: round(Math.max(...delays)), targetP95Ms: 1_000 },
      longTasks: { count: longTasks.length, maxMs: round(Math.max(0, ...longTasks)) },
    };
  } finally {
    await browser.close();
    await setup.close();
  }
}
