// The only module that touches window.api: picks the Electron preload's API or the loopback HTTP one, and unwraps results.
import type { Api, AppError, Channel, ChannelArg, ChannelResult, EventName, Events } from '../../../shared/ipc/contract';
import { createHttpApi } from './api-http';

type DesktopApi = Api & { pathForFile?: (file: File) => string };

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

const api: DesktopApi = window.api ?? createHttpApi();

/** A failed call, carrying the service's error kind and its Chinese message. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export async function call<C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<ChannelResult<C>> {
  const r = await api.invoke(channel, arg);
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

export function subscribe<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
  return api.on(event, cb);
}

/** True in the desktop app: native open and save dialogs exist (in the browser host the renderer asks for a path). */
export function isDesktop(): boolean {
  return window.api !== undefined;
}

/** The path of a dropped file on disk: only the desktop app can tell; null in a browser. */
export function pathForFile(file: File): string | null {
  try {
    return api.pathForFile ? api.pathForFile(file) || null : null;
  } catch {
    return null;
  }
}

/** Chinese message of anything thrown by `call` or by rendering code. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `出错了：${e.message}`;
  return '出错了，请重试。';
}
