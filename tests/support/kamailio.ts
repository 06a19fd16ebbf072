/**
 * Debian's kamailio, started by a test as the registrar and proxy in front of the desk,
 * from tests/sip/kamailio.cfg, on 127.0.0.1 only, in the foreground; stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export async function startKamailio(port: number, password: string): Promise<{ logs(): string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kamailio-'));
  const config = join(dir, 'kamailio.cfg');
  writeFileSync(config, readFileSync(resolve('tests/sip/kamailio.cfg'), 'utf8').replaceAll('{{PORT}}', String(port)).replaceAll('{{PASSWORD}}', password));
  const child: ChildProcess = spawn('kamailio', ['-f', config, '-DD', '-E', '-Y', dir, '-P', join(dir, 'kamailio.pid'), '-w', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`kamailio did not start in 10 s:\n${output}`)), 10_000);
    const watch = (data: Buffer) => {
      output += String(data);
      if (output.includes('SO_RCVBUF is finally')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', watch);
    child.once('error', (err) => fail(new Error(`kamailio could not run (install Debian's kamailio): ${err.message}`)));
    child.once('exit', (code) => fail(new Error(`kamailio exited (${code}):\n${output}`)));
  });
  return {
    logs: () => output,
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(killer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
