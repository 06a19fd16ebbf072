/** Locks every web contents down: no navigation (of the window or any frame), no new windows, no webviews, no permissions. */
import { app, session } from 'electron';

export function enforceContentSecurity(): void {
  // Requests (a prompt) and checks (navigator.permissions, a silent query) both get no.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    // will-navigate covers the main frame only; a frame inside the page must not navigate either.
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
