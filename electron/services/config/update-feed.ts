/** Where this desk looks for updates, if anywhere: the policy's intranet server, on its channel. */
import type { DeskConfig } from './desk-config.js';

export interface UpdateFeed {
  provider: 'generic';
  url: string;
  channel: string;
}

/** No URL or updates turned off: the desk never calls out, as IT asked. */
export function updateFeedFor({ updates }: DeskConfig): UpdateFeed | null {
  if (!updates.enabled || updates.url === null) return null;
  return { provider: 'generic', url: updates.url, channel: updates.channel };
}
