// The preload (sandboxed, CommonJS): exposes invoke/on for exactly the contract's channels and events, and the path of a dropped file.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Api, Channel, ChannelArg, EventName, Events, Result, ChannelResult } from '../shared/ipc/contract';
import { isChannel, isEventName } from '../shared/ipc/contract';

function refused<T>(message: string): Promise<Result<T>> {
  return Promise.resolve({ ok: false, error: { kind: 'invalid-input', message } });
}

const api: Api & { pathForFile(file: File): string } = {
  invoke<C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<Result<ChannelResult<C>>> {
    if (!isChannel(channel)) return refused(`未知的请求：${String(channel)}`);
    return ipcRenderer.invoke(channel, arg) as Promise<Result<ChannelResult<C>>>;
  },
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    if (!isEventName(event)) return () => {};
    // The IPC event object (with its sender) never reaches the page: only the payload does.
    const listener = (_e: Electron.IpcRendererEvent, payload: Events[E]): void => cb(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  },
  /** Drag and drop: the page gets File objects; only the preload may turn one into its path on disk. */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('api', api);
