/** Checks IT's update server, when the policy names one, and offers the update on quit. */
import electronUpdater from 'electron-updater';
import type { DeskConfig } from '../services/config/desk-config.js';
import { updateFeedFor } from '../services/config/update-feed.js';
import type { Logger } from '../services/log.js';

/** How often a desk that runs all week looks for a new version. */
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export function startUpdateChecks(config: DeskConfig, log: Logger): () => void {
  const feed = updateFeedFor(config);
  if (!feed) {
    log.info('updates: none configured or turned off by policy');
    return () => undefined;
  }
  if (config.updates.allowInsecure && new URL(feed.url).protocol === 'http:') {
    log.warn({ url: feed.url }, 'updates come over plain http (updates.allowInsecure): anyone on the network path can replace them');
  }
  // electron-updater is CommonJS: its default export carries autoUpdater.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = { info: (m) => log.info({ updater: m }), warn: (m) => log.warn({ updater: m }), error: (m) => log.error({ updater: m }) };
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url, channel: feed.channel });
  autoUpdater.autoInstallOnAppQuit = true;
  const check = () => void autoUpdater.checkForUpdatesAndNotify().catch((err: Error) => log.warn({ reason: err.message }, 'update check failed'));
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  return () => clearInterval(timer);
}
