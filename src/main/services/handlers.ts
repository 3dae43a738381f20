// The services behind every IPC channel, composed from one handler file per domain (handlers/); each validates its
// argument at the edge and calls the repositories, the import queue or the grading service.
import type { Channel, ChannelResult, Handlers, Result } from '../../shared/ipc/contract';
import { CHANNELS } from '../../shared/ipc/contract';
import { wrap } from './errors';
import type { ServiceContext } from './handlers/context';
import { databaseHandlers } from './handlers/database';
import { exportHandlers } from './handlers/export';
import { gradingHandlers } from './handlers/grading';
import { importHandlers } from './handlers/import';
import { libraryHandlers } from './handlers/library';
import { printHandlers } from './handlers/print';
import { reportHandlers } from './handlers/reports';

export { ServiceError, wrap, toAppError } from './errors';
export type { ServiceContext } from './handlers/context';

export function createHandlers(ctx: ServiceContext): Handlers {
  // Forward the queue's events to whoever listens (the window, the loopback host).
  ctx.queue.subscribe((e) => (e.type === 'progress' ? ctx.emit('import:progress', e.payload) : ctx.emit('import:done', e.payload)));
  return {
    ...libraryHandlers(ctx),
    ...reportHandlers(ctx),
    ...importHandlers(ctx),
    ...gradingHandlers(ctx),
    ...printHandlers(ctx),
    ...exportHandlers(ctx),
    ...databaseHandlers(ctx),
  };
}

export type WrappedHandlers = { [C in Channel]: (arg: unknown) => Promise<Result<ChannelResult<C>>> };

/** Every handler wrapped so it resolves to a Result and never rejects: what the Electron and HTTP glue register. */
export function wrapHandlers(handlers: Handlers): WrappedHandlers {
  const out: Partial<Record<Channel, (arg: unknown) => Promise<Result<unknown>>>> = {};
  for (const c of CHANNELS) out[c] = wrap(handlers[c] as (arg: unknown) => Promise<unknown>);
  return out as WrappedHandlers;
}
