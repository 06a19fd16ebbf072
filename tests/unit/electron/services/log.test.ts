import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../../../../electron/services/config/desk-config.js';
import { createLogger, LOG_FILE } from '../../../../electron/services/log.js';

describe('the desk log', () => {
  it('never writes the bridge token, the AMI secret, the SIP or hub password, even when the whole config is logged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-log-'));
    try {
      const file = join(dir, LOG_FILE);
      const log = createLogger({ level: 'info', logDir: dir });
      const config = parseDeskConfig(
        {
          bridge: {
            json: { token: 'json-token-0123456789' },
            ami: { enabled: true, secret: 'ami-secret-value' },
            sip: { registration: { registrar: 'pbx:5060', domain: 'pbx', username: '1001', password: 'sip-password-value' } },
          },
          hub: { url: 'https://hub.example.internal:4790', password: 'hub-password-value' },
        },
        'test',
      );
      log.info(config, 'effective configuration');
      // The file is written asynchronously, as in the desk: wait for the line to land.
      let written = '';
      for (let i = 0; i < 100 && !written.includes('effective configuration'); i++) {
        await new Promise((r) => setTimeout(r, 20));
        written = existsSync(file) ? readFileSync(file, 'utf8') : '';
      }
      expect(written).toContain('effective configuration');
      expect(written).toContain('[redacted]');
      for (const secret of ['json-token-0123456789', 'ami-secret-value', 'sip-password-value', 'hub-password-value']) expect(written).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rotates its file by size and keeps only so many old ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-log-'));
    try {
      const log = createLogger({ level: 'info', logDir: dir, rotation: { size: '1K', keep: 2 } });
      for (let i = 0; i < 300; i++) log.info({ call: i }, 'call popped with a line long enough to fill a kilobyte quickly');
      // Ending the stream waits for its writes and renames, so none of them runs after the folder is gone.
      const stream = (log as unknown as Record<symbol, Writable>)[pino.symbols.streamSym]!;
      await new Promise<void>((resolve) => stream.end(resolve));
      expect(readdirSync(dir).sort()).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
