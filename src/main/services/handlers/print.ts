// Print channels: assessment sheets (评分表) and the county ranking as A4 pages printed by Chromium, previewed as HTML,
// written to PDF as a job with progress and cancel, or sent to the system print dialog (Electron only).
import { writeFile } from 'node:fs/promises';
import type { BatchSelection, Handlers, JobProgress } from '../../../shared/ipc/contract';
import { rankingHtml } from '../../../shared/print/ranking-html';
import { sheetsHtml } from '../../../shared/print/sheet-html';
import { PrintCancelled, printSheetsPdf } from '../../print/batch';
import { pageCount } from '../../print/pdf-merge';
import type { Printer } from '../../print/printer';
import { ServiceError } from '../errors';
import { jobsOf } from '../jobs';
import { gatherSheets, rankingOf, selectReports, type GatheredSheet } from '../sheets';
import { arg, type ServiceContext } from './context';

type PrintHandlers = Pick<Handlers, 'ranking:get' | 'print:preview' | 'print:dialog' | 'print:pdf' | 'job:cancel'>;
type What = BatchSelection & { what: 'sheets' | 'ranking' };

function printerOf(ctx: ServiceContext): Printer {
  if (!ctx.printer) throw new ServiceError('internal', '此环境没有可用的打印组件（Chromium）。');
  return ctx.printer;
}

/** The year a ranking is of: the selection's, else the selected reports' when they share one. */
function yearOf(sel: BatchSelection, sheets: readonly GatheredSheet[]): number | null {
  if (sel.year !== undefined) return sel.year;
  const years = new Set(sheets.map((s) => s.year));
  return years.size === 1 ? [...years][0]! : null;
}

async function documentOf(
  ctx: ServiceContext,
  a: What,
  progress?: (done: number, total: number, label: string) => void,
  signal?: AbortSignal,
) {
  const ids = selectReports(ctx, a);
  if (ids.length === 0) throw new ServiceError('not-found', a.year !== undefined ? `库中没有 ${a.year} 年度的报告。` : '没有选中的报告。');
  const sheets = await gatherSheets(ctx, ids, a.order, progress, signal);
  return { sheets, ranking: a.what === 'ranking' ? rankingOf(sheets, yearOf(a, sheets)) : null };
}

function suggestedName(a: What, sheets: readonly GatheredSheet[]): string {
  const year = a.year ?? sheets[0]?.year ?? '';
  if (a.what === 'ranking') return `${year}年度评审排名.pdf`;
  return sheets.length === 1 ? `${sheets[0]!.organ ?? '评分表'}${year}年度评分表.pdf` : `${year}年度评分表（${sheets.length}份）.pdf`;
}

export function printHandlers(ctx: ServiceContext): PrintHandlers {
  const jobs = jobsOf(ctx);
  return {
    'ranking:get': async (raw) => {
      const { year } = arg('ranking:get', raw);
      const ids = selectReports(ctx, { year });
      const r = rankingOf(await gatherSheets(ctx, ids, 'ranking'), year);
      return { rows: r.rows, smallSample: r.smallSample };
    },
    'print:preview': async (raw) => {
      const a = arg('print:preview', raw);
      const d = await documentOf(ctx, a);
      return { html: d.ranking ? rankingHtml(d.ranking) : sheetsHtml(d.sheets) };
    },
    'print:dialog': async (raw) => {
      const a = arg('print:dialog', raw);
      const printer = printerOf(ctx);
      if (!printer.dialog) throw new ServiceError('invalid-input', '系统打印对话框只在桌面程序中可用，请改用“导出 PDF”。');
      const d = await documentOf(ctx, a);
      return { printed: await printer.dialog(d.ranking ? rankingHtml(d.ranking) : sheetsHtml(d.sheets)) };
    },
    'print:pdf': async (raw) => {
      const a = arg('print:pdf', raw);
      const printer = printerOf(ctx);
      const job = jobs.start();
      const kind: JobProgress['kind'] = 'sheets';
      const send = (p: Omit<JobProgress, 'jobId' | 'kind'>): void => ctx.emit('job:progress', { jobId: job.jobId, kind, ...p });
      try {
        send({ current: 0, total: 0, label: '正在汇总评分…' });
        const d = await documentOf(ctx, a, (current, total, label) => send({ current, total, label: `正在汇总：${label}` }), job.signal);
        let path = a.path;
        if (!path) {
          if (!ctx.saveDialog) throw new ServiceError('invalid-input', '请指定保存 PDF 的路径。');
          path = (await ctx.saveDialog(suggestedName(a, d.sheets))) ?? undefined;
          if (!path) throw new ServiceError('cancelled', '已取消导出。');
        }
        const total = d.sheets.length;
        send({ current: total, total, label: 'Chromium 正在排版打印…' });
        let bytes: Uint8Array;
        let pages: number;
        if (d.ranking) {
          bytes = await printer.pdf(rankingHtml(d.ranking));
          pages = pageCount(bytes);
        } else {
          const r = await printSheetsPdf(printer, d.sheets, {
            signal: job.signal,
            onSheet: (current) => send({ current, total, label: `逐份打印：第 ${current} 份` }),
          });
          ({ bytes, pages } = r);
        }
        if (job.signal.aborted) throw new PrintCancelled();
        await writeFile(path, bytes);
        send({ current: total, total, done: true, label: `已导出 ${pages} 页` });
        return { path, pages };
      } catch (e) {
        const cancelled = e instanceof PrintCancelled || (e instanceof ServiceError && e.kind === 'cancelled');
        send({ current: 0, total: 0, done: true, error: cancelled ? '已取消。' : e instanceof ServiceError ? e.message : '打印失败。' });
        if (cancelled) throw new ServiceError('cancelled', '已取消打印。');
        throw e;
      } finally {
        job.end();
      }
    },
    'job:cancel': async (raw) => ({ cancelled: jobs.cancel(arg('job:cancel', raw).jobId) }),
  };
}
