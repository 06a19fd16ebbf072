/**
 * How the desk's and the hub's command lines behave, so IT's scripts can treat them alike:
 * options read by node:util's parseArgs, one function per command, the answer as one JSON
 * document on stdout, a failure as JSON on stderr with exit code 1, a usage mistake with the
 * usage too and exit code 2.
 *
 * shared/node/ holds what both Node sides share and a browser must not load.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A command used wrongly: answered with the usage and exit code 2. */
export class UsageError extends Error {}

const fail = (message: string) => process.stderr.write(`${JSON.stringify({ error: message })}\n`);

/** The options and positionals of this process's command line; a malformed one ends it (exit 2). */
export function readCommandLine<const O extends ParseArgsOptionsConfig>(usage: string, options: O) {
  try {
    return parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', default: false } } as const });
  } catch (err) {
    fail((err as Error).message);
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
}

/** Runs the command the first positional names; an answer of undefined (a server that keeps running) prints nothing. */
export function runCommand(usage: string, line: { values: { help?: boolean | undefined }; positionals: string[] }, commands: Record<string, () => Promise<unknown>>): void {
  const name = line.positionals[0] ?? '';
  const run = async () => {
    const command = commands[name];
    if (line.values.help || !command) throw new UsageError(line.values.help ? '' : `unknown command "${name}"`);
    const answer = await command();
    if (answer !== undefined) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  };
  run().catch((err: unknown) => {
    const usageError = err instanceof UsageError;
    if (!usageError || err.message) fail((err as Error).message);
    if (usageError) process.stderr.write(`${usage}\n`);
    process.exitCode = usageError ? 2 : 1;
  });
}
