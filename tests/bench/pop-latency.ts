/**
 * Event received → card painted, through the real browser host in Debian's Chromium:
 * each call is POSTed to the JSON bridge, and the page notes when a card with that
 * callId is on screen (the frame after it entered the DOM).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { samplePhones } from '../../electron/services/demo/sample-phones.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { debianChromium } from '../support/debian-chromium.js';
import { startDeskProcess } from '../support/desk-process.js';
import { percentile } from './stats.js';

declare global {
  interface Window {
    __painted: Record<string, number>;
  }
}

export interface PopLatency {
  calls: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  hostRssMiB: number;
}

/**
 * `idle`: each call rings at a desk that has finished drawing the previous one, as on a
 * real line where calls are seconds apart. `back-to-back`: the next call is posted the
 * moment the previous one is missed, so it also waits for that update to be drawn.
 */
export type CallSpacing = 'idle' | 'back-to-back';

export async function benchPopLatency(dataDir: string, calls: number, spacing: CallSpacing): Promise<PopLatency> {
  const store = openDeskStore(join(dataDir, 'desk.sqlite'));
  const phones = samplePhones(store, 'single', calls);
  store.close();

  const desk = await startDeskProcess(dataDir, { simulator: { enabled: false, intervalSeconds: 0 } });
  const browser = await chromium.launch(debianChromium);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(desk.url);
    await page.waitForSelector('[data-connection="connected"]');
    await page.evaluate(() => {
      window.__painted = {};
      new MutationObserver(() => {
        for (const el of document.querySelectorAll<HTMLElement>('[data-call-id]')) {
          const id = el.dataset.callId!;
          if (window.__painted[id] !== undefined) continue;
          window.__painted[id] = 0;
          // The frame callback runs just before paint; the task after it runs once the frame is out.
          requestAnimationFrame(() => setTimeout(() => (window.__painted[id] = performance.timeOrigin + performance.now())));
        }
      }).observe(document.body, { childList: true, subtree: true });
    });

    const samples: number[] = [];
    for (let i = 0; i < phones.length; i++) {
      const callId = `bench-${i}`;
      const sent = performance.timeOrigin + performance.now();
      await desk.postCallEvent({ callId, state: 'ringing', remote: phones[i]! });
      await page.waitForFunction((id) => (window.__painted[id] ?? 0) > 0, callId, { polling: 'raf' });
      const painted = await page.evaluate((id) => window.__painted[id]!, callId);
      samples.push(painted - sent);
      await desk.postCallEvent({ callId, state: 'missed', remote: phones[i]! });
      if (spacing === 'idle') {
        await page.waitForSelector(`[data-call-id="${callId}"] .state-missed`);
        await page.evaluate(() => new Promise((settled) => requestIdleCallback(settled)));
      }
    }
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${desk.pid}/status`, 'utf8'))?.[1] ?? 0);
    return {
      calls: samples.length,
      p50Ms: percentile(samples, 50),
      p99Ms: percentile(samples, 99),
      maxMs: Math.max(...samples),
      hostRssMiB: Math.round(rssKiB / 1024),
    };
  } finally {
    await browser.close();
    await desk.stop();
  }
}
