// Typed service errors and the wrapper that turns any throw into a Result the renderer can switch on, without stack traces.
import type { AppError, ErrorKind, Result } from '../../shared/ipc/contract';
import { FutureSchemaError } from '../db/index';

export class ServiceError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Maps anything thrown to an AppError: our own errors keep kind and message, the rest get a generic Chinese message. */
export function toAppError(e: unknown): AppError {
  if (e instanceof ServiceError) return { kind: e.kind, message: e.message };
  if (e instanceof FutureSchemaError) return { kind: 'db', message: e.message };
  const name = (e as { name?: unknown; code?: unknown } | null)?.name;
  const code = (e as { code?: unknown } | null)?.code;
  if (name === 'SqliteError' || (typeof code === 'string' && code.startsWith('SQLITE_'))) {
    return { kind: 'db', message: code === 'SQLITE_BUSY' ? '资料库正忙，请稍后重试。' : '资料库操作失败。' };
  }
  return { kind: 'internal', message: '内部错误，请重试；如果反复出现，请联系维护人员。' };
}

/** Runs a handler and returns its value or its error as data; never rejects. */
export function wrap<A, R>(handler: (arg: A) => Promise<R>): (arg: A) => Promise<Result<R>> {
  return async (arg: A) => {
    try {
      return { ok: true, value: await handler(arg) };
    } catch (e) {
      return { ok: false, error: toAppError(e) };
    }
  };
}
