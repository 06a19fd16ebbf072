/**
 * The only bridge between the sandboxed renderer and the desk: two IPC channels,
 * exposed as the DeskBridge the renderer derives its typed client from. Bundled to
 * CommonJS because a sandboxed preload cannot load ES modules or other files.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskEvent } from '../../shared/desk-api.js';
import { DESK_BRIDGE_GLOBAL, DESK_IPC, type DeskBridge, type RequestEnvelope, type ResponseEnvelope } from '../../shared/desk-wire.js';

const bridge: DeskBridge = {
  request: (envelope: RequestEnvelope) => ipcRenderer.invoke(DESK_IPC.request, envelope) as Promise<ResponseEnvelope>,
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, deskEvent: DeskEvent) => listener(deskEvent);
    ipcRenderer.on(DESK_IPC.event, forward);
    return () => ipcRenderer.removeListener(DESK_IPC.event, forward);
  },
};

contextBridge.exposeInMainWorld(DESK_BRIDGE_GLOBAL, bridge);
