/**
 * The typed desk API over any transport. Inputs are checked before they leave and
 * outputs and events when they arrive, against the same schemas the desk uses, so a
 * mismatch between UI and desk is a clear error and never a half-rendered card.
 */
import {
  type DeskApi,
  type DeskClient,
  type DeskEvent,
  type DeskEventName,
  type DeskRequestName,
  deskEvents,
  deskRequests,
  type RequestInput,
  type RequestOutput,
} from '../../../shared/desk-api.js';
import { badRequestError, type DeskError, deskError } from '../../../shared/desk-wire.js';
import { describeIssues } from '../../../shared/zod-issues.js';
import type { DeskTransport } from './transport.js';

/** A request the desk refused or could not answer; `key` names the sentence the operator is shown (describeError). */
export class DeskCallError extends Error {
  readonly code: string;
  readonly key: string | undefined;
  readonly values: Record<string, string | number>;
  constructor({ code, message, key, values }: DeskError) {
    super(message);
    this.name = 'DeskCallError';
    this.code = code;
    this.key = key;
    this.values = values ?? {};
  }
}

export function createDeskClient(transport: DeskTransport): DeskClient {
  let nextId = 1;
  const listeners = new Map<DeskEventName, Set<(payload: unknown) => void>>();

  transport.subscribe((event: DeskEvent) => {
    const schema = deskEvents[event.name];
    const parsed = schema?.safeParse(event.payload);
    if (!parsed?.success) {
      console.error(`desk event "${event.name}" does not match the contract`, parsed ? describeIssues(parsed.error) : 'unknown event');
      return;
    }
    for (const listener of listeners.get(event.name) ?? []) listener(parsed.data);
  });

  async function call<N extends DeskRequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    const checked = deskRequests[name].input.safeParse(input);
    if (!checked.success) throw new DeskCallError(badRequestError(checked.error, name));
    const response = await transport.request({ id: nextId++, name, input: checked.data });
    if (!response.ok) throw new DeskCallError(response.error);
    const output = deskRequests[name].output.safeParse(response.output);
    if (!output.success) {
      throw new DeskCallError({ ...deskError('internal', 'internal'), message: `${name}: the desk's answer does not match the contract (${describeIssues(output.error)})` });
    }
    return output.data as RequestOutput<N>;
  }

  const api = Object.fromEntries(
    (Object.keys(deskRequests) as DeskRequestName[]).map((name) => [name, (input: never) => call(name, input)]),
  ) as unknown as DeskApi;

  return {
    ...api,
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
