/**
 * The names of configuration and request fields that hold secrets, in one list for every
 * place that must hide them: the desk's and the hub's log redaction, and the diagnostics
 * archive's copy of the configuration.
 */
const SECRET_FIELDS = ['token', 'secret', 'password', 'authorization'] as const;

/** pino redact paths for each secret field, at the top and up to `depth` levels down (pino has no "any depth"). */
export function secretLogPaths(depth = 4): string[] {
  return SECRET_FIELDS.flatMap((field) => Array.from({ length: depth + 1 }, (_, level) => `${'*.'.repeat(level)}${field}`));
}

/** Any key naming a secret, including compound names (`bridgeToken`, `sip_password`) and the usual synonyms. */
export const SECRET_KEY = new RegExp(`${SECRET_FIELDS.join('|')}|passphrase|credential`, 'i');
