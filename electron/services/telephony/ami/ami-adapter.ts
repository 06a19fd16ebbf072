/**
 * The Asterisk AMI bridge: one AMI session, its events mapped to this desk's calls and
 * to PBX-wide queue and agent events. After every (re)login the current channels and
 * queues are read back, so a call that started ringing during an outage still pops.
 */
import { type PbxEvent, PbxEventSchema } from '../../../../shared/pbx.js';
import { describeIssues } from '../../../../shared/zod-issues.js';
import type { Logger } from '../../log.js';
import type { CallEventSink, RingingBounds, TelephonyAdapter } from '../adapter.js';
import { createAmiCallMapper } from './ami-call-mapper.js';
import { createAmiConnection } from './ami-connection.js';

export interface AmiAdapterOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  authType: 'plain' | 'md5';
  deviceInterface: string;
  pingIntervalMs: number;
  retry?: { firstMs: number; maxMs: number };
  /** The desk's bounds on live calls (config `calls`). */
  ringing?: RingingBounds;
  log: Logger;
  onPbxEvent?: (event: PbxEvent) => void;
}

export function createAmiAdapter(options: AmiAdapterOptions): TelephonyAdapter {
  const { log } = options;
  let sink: CallEventSink | null = null;
  const mapper = createAmiCallMapper({
    deviceInterface: options.deviceInterface,
    onCall: (event) => sink?.(event),
    onPbx(event) {
      const checked = PbxEventSchema.safeParse(event);
      if (checked.success) options.onPbxEvent?.(checked.data);
      else log.warn({ kind: event.kind, callId: 'callId' in event ? event.callId.slice(0, 200) : undefined, issue: describeIssues(checked.error) }, 'AMI queue event refused: its details are out of bounds');
    },
    onRefused: (callId, issue) => log.warn({ callId: callId.slice(0, 200), issue }, 'AMI call refused: its call details are out of bounds'),
    ...(options.ringing ? { maxLiveCalls: options.ringing.maxLiveCalls } : {}),
  });

  const connection = createAmiConnection({
    ...options,
    retry: options.retry ?? { firstMs: 1_000, maxMs: 30_000 },
    onEvent: (event) => mapper.handle(event),
    onReady() {
      void rebuildState().catch((err: Error) => log.warn({ reason: err.message }, 'AMI state rebuild failed'));
    },
  });

  async function rebuildState(): Promise<void> {
    const channels = await connection.action({ Action: 'CoreShowChannels' }, { list: true });
    mapper.rebuild(channels.events);
    const queues = await connection.action({ Action: 'QueueStatus' }, { list: true });
    for (const entry of queues.events) {
      // The snapshot speaks of members and waiting callers as live events would: map them the same way.
      if (entry.Event === 'QueueMember') {
        mapper.handle({ ...entry, Event: 'QueueMemberStatus', Interface: entry.StateInterface ?? entry.Location ?? '', MemberName: entry.Name ?? '' });
      } else if (entry.Event === 'QueueEntry') {
        mapper.handle({ ...entry, Event: 'QueueCallerJoin', Linkedid: entry.Linkedid ?? entry.Uniqueid ?? '' });
      }
    }
    log.info({ channels: channels.events.length, queueEntries: queues.events.length }, 'AMI state rebuilt');
  }

  return {
    name: 'ami',
    async start(eventSink) {
      sink = eventSink;
      connection.start();
    },
    async stop() {
      await connection.stop();
      sink = null;
    },
  };
}
