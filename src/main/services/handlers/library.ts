// Library channels: the list (with each report's grading, why it needs attention, and its other files), bulk unit/year, delete.
import type { Handlers, LibraryPage, LibraryQuery } from '../../../shared/ipc/contract';
import * as repo from '../../db/index';
import { arg, attention, type ServiceContext } from './context';

type LibraryHandlers = Pick<Handlers, 'library:list' | 'report:set-meta' | 'report:delete'>;

function listWithGrading(ctx: ServiceContext, q: LibraryQuery): LibraryPage {
  if (q.grading === undefined) return decorate(ctx, repo.listLibrary(ctx.db, q));
  // The grading state is derived: bring every matching report's up to date, then filter on it.
  const all = repo.listLibrary(ctx.db, { ...q, limit: repo.MAX_LIMIT, offset: 0 });
  const wanted = all.reports.filter((r) => ctx.grading.summary(r.id).state === q.grading);
  const offset = Math.max(0, q.offset ?? 0);
  const page = wanted.slice(offset, offset + Math.min(q.limit ?? repo.DEFAULT_LIMIT, repo.MAX_LIMIT));
  return decorate(ctx, {
    ...all,
    reports: page,
    total: wanted.length,
    hits: all.hits.filter((h) => page.some((r) => r.id === h.reportId)),
  });
}

function decorate(ctx: ServiceContext, page: LibraryPage): LibraryPage {
  return {
    ...page,
    reports: page.reports.map((r) => ({
      ...r,
      grading: ctx.grading.summary(r.id),
      attention: attention(ctx.db, r.id, r.uncertainCells),
      sameAs: ctx.grading.sameAs(r.id),
    })),
  };
}

export function libraryHandlers(ctx: ServiceContext): LibraryHandlers {
  return {
    'library:list': async (raw) => listWithGrading(ctx, arg('library:list', raw)),
    'report:set-meta': async (raw) => {
      const a = arg('report:set-meta', raw);
      return {
        updated: repo.setReportMeta(ctx.db, a.ids, {
          ...(a.organ !== undefined ? { organ: a.organ } : {}),
          ...(a.year !== undefined ? { year: a.year } : {}),
        }),
      };
    },
    'report:delete': async (raw) => ({ deleted: repo.deleteReport(ctx.db, arg('report:delete', raw).id) }),
  };
}
