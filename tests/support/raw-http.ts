/**
 * HTTP the way a browser under DNS rebinding or a hostile client sends it: any Host
 * header, any body, as slowly as it likes. fetch() cannot set Host, so this uses
 * node:http and raw TCP.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request to 127.0.0.1:port carrying the Host (and other headers) given. */
export function requestWithHost(
  port: number,
  { method = 'GET', path = '/', host, headers = {}, body }: { method?: string; path?: string; host: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends a request one byte per `everyMs`: its headers at once and then the body, or
 * (stage 'headers') a header line that never ends. Reports
 * how long the server kept the connection and what it answered. Gives up
 * (and says so) after `giveUpMs`, so the test stops by itself either way.
 */
export function slowBody(
  port: number,
  { path, stage, everyMs, giveUpMs }: { path: string; stage: 'headers' | 'body'; everyMs: number; giveUpMs: number },
): Promise<{ closedAfterMs: number | null; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let timer: ReturnType<typeof setInterval> | undefined;
    const finish = (closedAfterMs: number | null) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedAfterMs, answer });
    };
    const giveUp = setTimeout(() => finish(null), giveUpMs);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => finish(Date.now() - started));
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n`;
      socket.write(stage === 'body' ? `${head}Content-Length: 1000\r\n\r\n{` : `${head}X-Slow: `);
      timer = setInterval(() => socket.write(stage === 'body' ? ' ' : 'x'), everyMs);
    });
  });
}
