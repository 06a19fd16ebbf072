/**
 * The desk socket's per-run secret and how the served page carries it. The page is the
 * one thing only the desk's own origin can read (the Host check keeps rebound names off
 * it, the same-origin policy keeps other sites from reading it), so a secret in it
 * reaches the desk's own UI and nothing else. It changes on every start of the host.
 */
import { randomBytes } from 'node:crypto';
import { DESK_SOCKET_SECRET_META } from '../../../shared/desk-wire.js';

/** 256 bits, base64url: valid as a WebSocket subprotocol token (RFC 6455 §4.1, RFC 7230 tchar). */
export function createSocketSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The renderer's index.html with the secret in a meta element its transport reads. */
export function pageWithSecret(html: string, secret: string): string {
  if (!html.includes('</head>')) throw new Error('the renderer’s index.html has no </head>: the host cannot hand it the socket secret');
  return html.replace('</head>', `<meta name="${DESK_SOCKET_SECRET_META}" content="${secret}" />\n</head>`);
}
