/** Where this desk looks for updates, if anywhere: the policy's intranet server, on its channel. */
import type { DeskConfig } from './desk-config.js';

export interface UpdateFeed {
  provider: 'generic';
  url: string;
  channel: string;
}

/**
 * An update is code the desk will run: over plain http anyone on the path can swap it.
 * Only https, unless the policy says `updates.allowInsecure` (a lab without a CA).
 */
export function updateUrlRefusal(url: string | null, allowInsecure: boolean): string | null {
  if (url === null || allowInsecure || new URL(url).protocol === 'https:') return null;
  return 'an update server must be https, or the policy must set updates.allowInsecure: true to take updates over plain http';
}

/** No URL or updates turned off: the desk never calls out, as IT asked. */
export function updateFeedFor({ updates }: DeskConfig): UpdateFeed | null {
  if (!updates.enabled || updates.url === null) return null;
  return { provider: 'generic', url: updates.url, channel: updates.channel };
}
