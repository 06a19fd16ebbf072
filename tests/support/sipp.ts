/**
 * Runs Debian's sipp (package sip-tester) against the desk on loopback: a real SIP peer,
 * bounded in calls and time. Resolves with its exit code (0: every call went as the
 * scenario says) and its error log.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SippRun {
  scenario: string;
  /** Where sipp sends (UAC) — omitted for a UAS scenario that waits for the desk. */
  target?: { host: string; port: number };
  localPort: number;
  transport?: 'u1' | 't1';
  service?: string;
  keys?: Record<string, string>;
  calls?: number;
  timeoutSeconds?: number;
  /** Anything else sipp takes: a call rate, an injection file, traces. */
  extraArgs?: string[];
}

export interface SippResult {
  code: number | null;
  /** stderr and every log sipp wrote, for a failing assertion's message. */
  errors: string;
  /** The files sipp wrote (traces, logs) by name. */
  files: Record<string, string>;
}

export function runSipp(run: SippRun): { done: Promise<SippResult>; kill(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sipp-'));
  const args = [
    ...(run.target ? [`${run.target.host}:${run.target.port}`] : []),
    '-sf', resolve('tests/sip', `${run.scenario}.xml`),
    '-i', '127.0.0.1',
    '-p', String(run.localPort),
    '-t', run.transport ?? 'u1',
    '-s', run.service ?? '1001',
    '-m', String(run.calls ?? 1),
    '-timeout', `${run.timeoutSeconds ?? 20}s`,
    '-timeout_error',
    '-nostdin',
    '-trace_err',
    '-error_file', join(dir, 'errors.log'),
    ...Object.entries(run.keys ?? {}).flatMap(([key, value]) => ['-key', key, value]),
    ...(run.extraArgs ?? []),
  ];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const done = new Promise<SippResult>((resolveRun, reject) => {
    child.once('error', (err) => reject(new Error(`sipp could not run (install Debian's sip-tester): ${err.message}`)));
    child.once('exit', (code) => {
      const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
      rmSync(dir, { recursive: true, force: true });
      const logs = Object.entries(files).filter(([name]) => name.endsWith('.log')).map(([, text]) => text);
      resolveRun({ code, errors: [stderr, ...logs].join('\n').trim(), files });
    });
  });
  return { done, kill: () => child.kill('SIGKILL') };
}
