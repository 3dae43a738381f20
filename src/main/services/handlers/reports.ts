// Report channels: one report for review (cells with corrections, checks on the effective cells), its source view, corrections.
import type { Handlers, ReportDetail, SourceView } from '../../../shared/ipc/contract';
import * as repo from '../../db/index';
import { ServiceError } from '../errors';
import { buildSourceView } from '../source-view';
import { arg, attention, notFound, type ServiceContext } from './context';

type ReportHandlers = Pick<Handlers, 'report:get' | 'report:source' | 'cell:correct' | 'cell:history'>;

/** A tiny least-recently-used map. */
class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
  }
}

function reportDetail(ctx: ServiceContext, id: number): ReportDetail {
  const row = repo.getReportRow(ctx.db, id) ?? notFound(id);
  const model = repo.getReportModel(ctx.db, id) ?? notFound(id);
  const summary = repo.toSummary(row);
  const graded = ctx.grading.grade(id);
  return {
    summary: {
      ...summary,
      grading: {
        state: graded.assessment.state,
        total: graded.assessment.total,
        grade: graded.assessment.grade,
        secondLook: graded.assessment.secondLook,
      },
      attention: attention(ctx.db, id, row.uncertainCells),
      sameAs: ctx.grading.sameAs(id),
    },
    model,
    cells: repo.listCells(ctx.db, id),
    checks: graded.graded.checks,
    problems: repo.listProblems(ctx.db, id),
  };
}

export function reportHandlers(ctx: ServiceContext): ReportHandlers {
  // Converting a .doc with LibreOffice takes seconds: keep the last few source views (originals never change under an id).
  const sourceCache = new LruCache<string, SourceView>(8);
  return {
    'report:get': async (raw) => reportDetail(ctx, arg('report:get', raw).id),
    'report:source': async (raw) => {
      const { id } = arg('report:source', raw);
      const row = repo.getReportRow(ctx.db, id) ?? notFound(id);
      const cached = sourceCache.get(row.sha256);
      if (cached) return cached;
      const bytes = repo.getOriginal(ctx.db, id) ?? notFound(id);
      let view: SourceView;
      try {
        view = await buildSourceView(row.format, new Uint8Array(bytes), repo.getReportText(ctx.db, id) ?? '', row.title ?? row.fileName);
      } catch {
        throw new ServiceError('corrupt-file', '原文件无法显示（内容已损坏或格式异常）。');
      }
      sourceCache.set(row.sha256, view);
      return view;
    },
    'cell:correct': async (raw) => {
      const a = arg('cell:correct', raw);
      if (!repo.getReportRow(ctx.db, a.reportId)) notFound(a.reportId);
      repo.addCorrection(ctx.db, { ...a, by: ctx.grading.signer() });
      return repo.getCell(ctx.db, a.reportId, a.cellId) ?? notFound(a.reportId);
    },
    'cell:history': async (raw) => {
      const a = arg('cell:history', raw);
      return repo.correctionHistory(ctx.db, a.reportId, a.cellId);
    },
  };
}
