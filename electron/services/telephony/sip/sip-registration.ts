/**
 * Keeps the desk registered as a SIP extension: REGISTER with digest authentication,
 * a refresh well before the binding expires, a retry with backoff after any failure,
 * and an unregister (Expires: 0) when the desk quits. The password goes into the
 * digest and nowhere else.
 */
import { randomBytes } from 'node:crypto';
import type { SipMessage } from 'sip';
import { type ClientContext, signRequest } from 'sip/digest.js';
import { type BackoffBounds, createBackoff } from '../../../../shared/backoff.js';
import type { Logger } from '../../log.js';
import type { SipStack } from './sip-stack.js';

export interface RegistrationOptions {
  /** Where REGISTER goes: "host[:port]", e.g. "pbx.example.local:5060". */
  registrar: string;
  /** The domain of the address of record (sip:user@domain). */
  domain: string;
  username: string;
  password: string;
  expiresSeconds: number;
  transport: 'udp' | 'tcp';
  retry: BackoffBounds;
}

export interface Registration {
  start(): void;
  /** Removes the binding; resolves when the registrar answered or after a short wait. */
  stop(): Promise<void>;
  readonly registered: boolean;
}

/** Refresh at this share of the granted expiry, so one lost REGISTER still leaves time to retry. */
const REFRESH_AT = 0.8;
const UNREGISTER_WAIT_MS = 2_000;

export function createRegistration(stack: SipStack, contact: string, options: RegistrationOptions, log: Logger): Registration {
  const aor = `sip:${options.username}@${options.domain}`;
  const callId = `${randomBytes(10).toString('hex')}@agent-desk`;
  const fromTag = randomBytes(6).toString('hex');
  const auth: ClientContext = {};
  let seq = 1;
  let timer: NodeJS.Timeout | null = null;
  const retry = createBackoff(options.retry);
  let registered = false;
  let stopped = true;

  function request(expires: number): SipMessage {
    return {
      method: 'REGISTER',
      uri: `sip:${options.registrar};transport=${options.transport}`,
      headers: {
        via: [],
        to: { uri: aor, params: {} },
        from: { uri: aor, params: { tag: fromTag } },
        'call-id': callId,
        cseq: { seq: seq++, method: 'REGISTER' },
        contact: [{ uri: contact, params: { expires: String(expires) } }],
        expires: String(expires),
        'max-forwards': '70',
        'user-agent': 'Agent Desk',
      },
    };
  }

  /** Sends one REGISTER, answering at most one digest challenge; resolves with the final response. */
  function register(expires: number): Promise<SipMessage> {
    return new Promise((resolve) => {
      const send = (message: SipMessage, challenged: boolean) =>
        stack.send(message, (response) => {
          if ((response.status ?? 0) < 200) return;
          if ((response.status === 401 || response.status === 407) && !challenged) {
            const signed = request(expires);
            signRequest(auth, signed, response, { user: options.username, password: options.password });
            return send(signed, true);
          }
          resolve(response);
        });
      send(request(expires), false);
    });
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), ms);
  }

  async function attempt(): Promise<void> {
    const response = await register(options.expiresSeconds);
    if (stopped) return;
    if (response.status === 200) {
      const granted = grantedExpiry(response, contact) ?? options.expiresSeconds;
      if (!registered) log.info({ aor, registrar: options.registrar, expires: granted }, 'SIP registered');
      registered = true;
      retry.reset();
      schedule(Math.max(1, granted * REFRESH_AT) * 1000);
      return;
    }
    registered = false;
    const retryInMs = retry.next();
    log.warn({ aor, registrar: options.registrar, status: response.status, reason: response.reason, retryInMs }, 'SIP registration failed');
    schedule(retryInMs);
  }

  return {
    start() {
      stopped = false;
      void attempt();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (!registered) return;
      registered = false;
      await Promise.race([register(0), new Promise((resolve) => setTimeout(resolve, UNREGISTER_WAIT_MS))]);
      log.info({ aor }, 'SIP unregistered');
    },
    get registered() {
      return registered;
    },
  };
}

/** The expiry the registrar granted our contact: its Contact "expires" parameter, else the Expires header. */
function grantedExpiry(response: SipMessage, contact: string): number | undefined {
  const contacts = Array.isArray(response.headers.contact) ? response.headers.contact : [];
  const ours = contacts.find((c) => c.uri === contact) ?? contacts[0];
  const value = Number(ours?.params.expires ?? response.headers.expires);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
