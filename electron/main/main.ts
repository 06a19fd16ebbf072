/**
 * The Electron shell, kept thin: one instance, one locked-down window, a tray, a
 * notification for calls that ring while the window is in the background. Every
 * behaviour lives in the Electron-free services, shared with the browser host.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, Notification, Tray, nativeImage, shell } from 'electron';
import type { TFunction } from 'i18next';
import { describeConfigProblem } from '../../shared/config-problem.js';
import { FALLBACK_LOCALE, matchLocale } from '../../shared/i18n/locales.js';
import { translatorFor } from '../../shared/i18n/translator.js';
import { configFiles } from '../services/config/config-files.js';
import { DeskConfigError } from '../services/config/desk-config.js';
import { loadEffectiveConfig } from '../services/config/effective-config.js';
import { startDesk, type RunningDesk } from '../services/desk/boot.js';
import { callNotificationFor } from '../services/desk/call-notification.js';
import { resolveLanguage, type SystemLanguage } from '../services/desk/desk-language.js';
import { type TrayMenu, trayMenu } from '../services/desk/tray-menu.js';
import { createLogger } from '../services/log.js';
import { guardProcess } from '../services/process-guard.js';
import { bindDeskIpc } from './ipc.js';
import { enforceContentSecurity } from './security.js';
import { startUpdateChecks } from './updates.js';

// Electron's per-OS log folder: ~/.config/Agent Desk/logs, %APPDATA%\Agent Desk\logs, ~/Library/Logs/Agent Desk.
const logDir = app.getPath('logs');
const log = createLogger({ logDir });
guardProcess(log);
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

/** The OS's languages as Electron knows them (the Windows or macOS display language), and its zone. */
function systemLanguage(): SystemLanguage {
  return { locales: app.getPreferredSystemLanguages(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** The agent's language for what the shell itself shows: the OS's until the configuration is read, then the desk's as the agent switches. */
let t: TFunction = translatorFor(FALLBACK_LOCALE);

function createWindow(desk: RunningDesk['desk']): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: t('app.title'),
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
    const notice = callNotificationFor(event, win.isFocused(), notified, t);
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
function menuItem(item: TrayMenu['items'][number]): MenuItemConstructorOptions {
  switch (item.action) {
    case 'show':
      return { label: item.label, click: showWindow };
    case 'board':
      return { label: item.label, click: () => void shell.openExternal(item.url) };
    case 'separator':
      return { type: 'separator' };
    case 'quit':
      return { label: item.label, role: 'quit' };
  }
}

function showTrayMenu(target: Tray, hubUrl: string | null): void {
  const menu = trayMenu(t, hubUrl);
  target.setToolTip(menu.tooltip);
  target.setContextMenu(Menu.buildFromTemplate(menu.items.map(menuItem)));
}

function createTray(hubUrl: string | null): Tray {
  const icon = nativeImage.createFromPath(join(appRoot, 'resources', 'icons', 'tray.png'));
  const created = new Tray(icon);
  showTrayMenu(created, hubUrl);
  created.on('click', showWindow);
  return created;
}

async function start(): Promise<void> {
  enforceContentSecurity();
  const system = systemLanguage();
  t = translatorFor(matchLocale(system.locales));
  let effective;
  let files = configFiles(process.env.AGENT_DESK_CONFIG);
  try {
    effective = loadEffectiveConfig(files);
  } catch (err) {
    if (!(err instanceof DeskConfigError)) throw err;
    log.error(err.message);
    dialog.showErrorBox(t('shell.configTitle'), t('shell.configFileSkipped', { problem: err.message }));
    files = configFiles(undefined);
    effective = loadEffectiveConfig(files);
  }
  // The desk resolves the same language again when it starts; the dialog below needs it first.
  t = translatorFor(resolveLanguage(effective.config, system).locale);
  for (const problem of effective.problems) log.error({ problem }, 'configuration problem');
  const problems = effective.problems.map((problem) => describeConfigProblem(problem, t));
  if (problems.length > 0) dialog.showErrorBox(t('shell.configTitle'), t('shell.configProblems', { problems: problems.join('\n\n') }));
  running = await startDesk(effective, log, { appVersion: app.getVersion(), logDir, userSettings: files.user, system });
  const hubUrl = effective.config.hub.url;
  running.desk.subscribe((event) => {
    if (event.name !== 'language') return;
    t = translatorFor(event.payload.locale);
    if (tray) showTrayMenu(tray, hubUrl);
  });
  stopUpdateChecks = startUpdateChecks(effective.config, log);
  window = createWindow(running.desk);
  tray = createTray(hubUrl);
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
