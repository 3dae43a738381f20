// Database channels: where the library is and how big, and an online backup while the app runs.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import * as repo from '../../db/index';
import { ServiceError } from '../errors';
import { arg, type ServiceContext } from './context';

type DatabaseHandlers = Pick<Handlers, 'db:info' | 'db:backup'>;

function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function databaseHandlers(ctx: ServiceContext): DatabaseHandlers {
  const { db } = ctx;
  return {
    'db:info': async (raw) => {
      arg('db:info', raw);
      return { path: db.name, reports: repo.countReports(db) };
    },
    'db:backup': async (raw) => {
      const a = arg('db:backup', raw);
      let target = a.path;
      if (!target) {
        const dir = ctx.backupDir ?? join(dirname(db.name), 'backups');
        mkdirSync(dir, { recursive: true });
        target = join(dir, `${basename(db.name).replace(/\.[^.]*$/, '')}-${timestamp()}.sqlite`);
      }
      try {
        return { path: await repo.backupDb(db, target) };
      } catch (e) {
        throw new ServiceError('db', e instanceof Error && /已存在/.test(e.message) ? e.message : '备份失败（目标位置不可写？）。');
      }
    },
  };
}
