import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../../../../../../electron/services/config/desk-config.js';
import { createDesk } from '../../../../../../electron/services/desk/desk.js';
import { openDeskStore } from '../../../../../../electron/services/store/open-store.js';
import { createSipAdapter } from '../../../../../../electron/services/telephony/sip/sip-adapter.js';
import type { DeskEvent } from '../../../../../../shared/desk-api.js';
import { deskCustomers } from '../../../../../fixtures/desk-customers.js';
import { freePort } from '../../../../../support/desk-process.js';
import { startKamailio } from '../../../../../support/kamailio.js';
import { runSipp } from '../../../../../support/sipp.js';
import { until } from '../../../../../support/until.js';
import { cleanupsAfterEach } from '../../../../../support/cleanups.js';

const cleanups = cleanupsAfterEach();


describe('the desk registered to kamailio', () => {
  it('registers with digest, and a call to its user through kamailio pops the right customer', async () => {
    const kamailioPort = await freePort();
    const kamailio = await startKamailio(kamailioPort, 'desk-secret-7');
    cleanups.push(() => kamailio.stop());

    const dir = mkdtempSync(join(tmpdir(), 'desk-kamailio-'));
    const store = openDeskStore(join(dir, 'desk.sqlite'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close());
    store.insertBatch(deskCustomers);
    const desk = createDesk({ config: parseDeskConfig({ region: 'BG' }, 'test'), store, log: pino({ level: 'silent' }) });
    const events: DeskEvent[] = [];
    desk.subscribe((e) => events.push(e));

    const lines: string[] = [];
    const sip = createSipAdapter({
      host: '127.0.0.1',
      port: await freePort(),
      transports: ['udp'],
      // kamailio and the desk share 127.0.0.1 here: the desk's Contact names it "localhost".
      publicAddress: 'localhost',
      user: 'agent-desk',
      registration: { registrar: `127.0.0.1:${kamailioPort}`, domain: 'desk.test', username: 'agent1001', password: 'desk-secret-7', expiresSeconds: 300 },
      log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
    });
    await sip.start((event) => desk.onCallEvent(event, sip.name));
    cleanups.push(() => sip.stop());
    await until(() => lines.some((l) => l.includes('SIP registered')), 'the registration', 10_000);

    const sipp = runSipp({
      scenario: 'ring-then-cancel',
      target: { host: '127.0.0.1', port: kamailioPort },
      localPort: await freePort(),
      service: 'agent1001',
      keys: {
        from_header: '"Carrier" <sip:0888123456@carrier.test>',
        caller_header: 'X-Desk-Test: via-kamailio',
        extra_header: 'X-Desk-Test: nothing-extra',
        cancel_reason: 'X-Desk-Test: no-reason',
      },
    });
    cleanups.push(sipp.kill);
    const result = await sipp.done;
    expect(result.code, `${result.errors}\n${kamailio.logs()}`).toBe(0);

    const pops = events.flatMap((e) => (e.name === 'pop' ? [e.payload] : []));
    expect(pops[0]).toMatchObject({ state: 'ringing', match: 'exact' });
    expect(pops[0]!.candidates.map((c) => `${c.customer.firstName} ${c.customer.lastName}`)).toEqual(['Иван Иванов']);
    expect(pops.at(-1)!.state).toBe('missed');
    expect(store.listCallLog(5)).toMatchObject([{ outcome: 'missed', customerName: 'Иван Иванов' }]);
  }, 40_000);
});
