/**
 * Binds the desk's one dispatcher to IPC, answering only the desk's own window: its
 * web contents, its main frame (not a frame inside it), on the renderer's own page.
 * This is how the Electron window is authenticated; it has no socket and no secret.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { DeskEvent } from '../../shared/desk-api.js';
import { createDeskDispatcher, DESK_IPC, RequestEnvelopeSchema, type ResponseEnvelope } from '../../shared/desk-wire.js';
import { describeIssues } from '../../shared/zod-issues.js';
import type { Desk } from '../services/desk/desk.js';
import type { Logger } from '../services/log.js';

export function bindDeskIpc(desk: Desk, window: BrowserWindow, rendererUrl: string, log: Logger): () => void {
  const dispatch = createDeskDispatcher(desk.handlers, (name, err) => log.error({ err, request: name }, 'desk request failed'));

  ipcMain.handle(DESK_IPC.request, async (event: IpcMainInvokeEvent, raw: unknown): Promise<ResponseEnvelope> => {
    const frame = event.senderFrame;
    const senderUrl = frame?.url ?? '';
    if (event.sender !== window.webContents || frame?.parent !== null || senderUrl.split(/[?#]/)[0] !== rendererUrl) {
      log.warn({ senderUrl }, 'IPC request refused: not the desk window');
      return { id: -1, ok: false, error: { code: 'bad_request', message: 'sender not allowed' } };
    }
    const envelope = RequestEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return { id: -1, ok: false, error: { code: 'bad_request', message: describeIssues(envelope.error) } };
    return dispatch(envelope.data);
  });

  const unsubscribe = desk.subscribe((event: DeskEvent) => {
    if (!window.isDestroyed()) window.webContents.send(DESK_IPC.event, event);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(DESK_IPC.request);
  };
}
