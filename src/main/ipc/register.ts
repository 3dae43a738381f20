// Registers one ipcMain handler per contract channel (and nothing else) and forwards the contract's events to the window.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventName, Events } from '../../shared/ipc/contract';
import { CHANNELS, isEventName } from '../../shared/ipc/contract';
import type { WrappedHandlers } from '../services/handlers';
import { isAppUrl, type SecurityOptions } from '../security';

/** Only the app's own top frame may call the services: a frame showing document content never can. */
function trustedSender(event: IpcMainInvokeEvent, options: SecurityOptions): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, options) && !frame.url.startsWith('data:') && !frame.url.startsWith('blob:');
}

export function registerIpc(ipcMain: IpcMain, handlers: WrappedHandlers, options: SecurityOptions = {}): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, arg: unknown) => {
      if (!trustedSender(event, options)) return { ok: false, error: { kind: 'internal', message: '拒绝了来自未知页面的请求。' } };
      return handlers[channel](arg);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** An `emit` for the services that sends each event to the window, dropping events when the window is gone. */
export function eventSender(contents: () => WebContents | undefined): <E extends EventName>(event: E, payload: Events[E]) => void {
  return (event, payload) => {
    const wc = contents();
    if (!wc || wc.isDestroyed() || !isEventName(event)) return;
    wc.send(event, payload);
  };
}
