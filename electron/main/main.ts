/**
 * The Electron shell, kept thin: one instance, one locked-down window, a tray, a
 * notification for calls that ring while the window is in the background. Every
 * behaviour lives in the Electron-free services, shared with the browser host.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, Notification, Tray, nativeImage, shell } from 'electron';
import { configFiles } from '../services/config/config-files.js';
import { DeskConfigError } from '../services/config/desk-config.js';
import { loadEffectiveConfig } from '../services/config/effective-config.js';
import { startDesk, type RunningDesk } from '../services/desk/boot.js';
import { callNotificationFor } from '../services/desk/call-notification.js';
import { createLogger } from '../services/log.js';
import { bindDeskIpc } from './ipc.js';
import { enforceContentSecurity } from './security.js';
import { startUpdateChecks } from './updates.js';

// Electron's per-OS log folder: ~/.config/Agent Desk/logs, %APPDATA%\Agent Desk\logs, ~/Library/Logs/Agent Desk.
const logDir = app.getPath('logs');
const log = createLogger({ logDir });
const appRoot = app.getAppPath();
const rendererIndex = join(appRoot, 'dist', 'renderer', 'index.html');
let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let running: RunningDesk | null = null;
let stopUpdateChecks: () => void = () => undefined;

function showWindow(): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function createWindow(desk: RunningDesk['desk']): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Agent Desk',
    webPreferences: {
      preload: join(appRoot, 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  bindDeskIpc(desk, win, pathToFileURL(rendererIndex).href, log);

  const notified = new Set<string>();
  desk.subscribe((event) => {
    const notice = callNotificationFor(event, win.isFocused(), notified);
    if (!notice || !Notification.isSupported()) return;
    notified.add(notice.callId);
    const notification = new Notification({ title: notice.title, body: notice.body });
    notification.on('click', showWindow);
    notification.show();
  });
  void win.loadFile(rendererIndex);
  return win;
}

/** The hub's supervisor board opens in the system browser: it is the hub's page, not this desk's, and asks for a supervisor's login. */
function createTray(hubUrl: string | null): Tray {
  const icon = nativeImage.createFromPath(join(appRoot, 'resources', 'icons', 'tray.png'));
  const t = new Tray(icon);
  t.setToolTip('Agent Desk');
  t.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Agent Desk', click: showWindow },
      ...(hubUrl ? [{ label: 'Open the supervisor board', click: () => void shell.openExternal(new URL('/board/', hubUrl).href) }] : []),
      { type: 'separator' },
      { label: 'Quit', role: 'quit' },
    ]),
  );
  t.on('click', showWindow);
  return t;
}

async function start(): Promise<void> {
  enforceContentSecurity();
  let effective;
  try {
    effective = loadEffectiveConfig(configFiles(process.env.AGENT_DESK_CONFIG));
  } catch (err) {
    if (!(err instanceof DeskConfigError)) throw err;
    log.error(err.message);
    dialog.showErrorBox('Agent Desk configuration', `${err.message}\n\nThe desk starts without that file.`);
    effective = loadEffectiveConfig(configFiles(undefined));
  }
  for (const problem of effective.problems) log.error({ problem }, 'configuration problem');
  if (effective.problems.length > 0) dialog.showErrorBox('Agent Desk configuration', effective.problems.join('\n\n'));
  running = await startDesk(effective, log, { appVersion: app.getVersion(), logDir });
  stopUpdateChecks = startUpdateChecks(effective.config, log);
  window = createWindow(running.desk);
  tray = createTray(effective.config.hub.url);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    tray?.destroy();
    stopUpdateChecks();
    void running?.stop();
  });
  app.whenReady().then(start, (err: unknown) => log.error({ err }, 'electron failed to start'));
}
