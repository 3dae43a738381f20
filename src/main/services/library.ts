// Opens a library for the desktop shell, the loopback test host or the command line: database, import queue and handlers together.
import type { EventName, Events, Handlers } from '../../shared/ipc/contract';
import { openDb, type Db } from '../db/index';
import { ImportQueue, type QueueOptions } from '../import/queue';
import { createHandlers, wrapHandlers, type WrappedHandlers } from './handlers';
import { GradingService } from './grading';
import type { Printer } from '../print/printer';

export interface LibraryOptions {
  /** The database file: the app's user-data folder in Electron, `--db` on the command line. */
  dbPath: string;
  /** An Electron-ABI build of better-sqlite3 (see connection.ts). */
  nativeBinding?: string;
  emit?: <E extends EventName>(event: E, payload: Events[E]) => void;
  dialog?: (kind: 'files' | 'folder') => Promise<string[]>;
  userName?: string;
  /** Prints sheets and the ranking (closed with the library). */
  printer?: Printer;
  saveDialog?: (suggestedName: string) => Promise<string | null>;
  queue?: Omit<QueueOptions, 'db'>;
}

export interface Library {
  db: Db;
  queue: ImportQueue;
  handlers: Handlers;
  grading: GradingService;
  /** The same handlers returning Result<T> and never rejecting. */
  wrapped: WrappedHandlers;
  close(): Promise<void>;
}

export function openLibrary(options: LibraryOptions): Library {
  const db = openDb(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const queue = new ImportQueue({ ...options.queue, db });
  const grading = new GradingService(db, () => options.userName ?? '评审员');
  const handlers = createHandlers({
    db,
    queue,
    grading,
    emit: options.emit ?? (() => {}),
    ...(options.dialog ? { dialog: options.dialog } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
    ...(options.saveDialog ? { saveDialog: options.saveDialog } : {}),
  });
  return {
    db,
    queue,
    handlers,
    grading,
    wrapped: wrapHandlers(handlers),
    async close() {
      await queue.close();
      await options.printer?.close().catch(() => undefined);
      db.close();
    },
  };
}
