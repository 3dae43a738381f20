// The import queue with a scripted parser in the worker: progress, duplicates, a corrupt file mid-batch, timeout, crash, cancel.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/shared/ipc/contract';
import { openDb, countReports, listCells, addCorrection, getReportRow, type Db } from '../../src/main/db/index';
import { ImportQueue } from '../../src/main/import/queue';

/** A parser driven by the file's content: "HANG" never returns, "CRASH" kills its thread, "BAD" cannot be read, "SLOW" takes 1.5 s. */
const STUB = `
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
export async function parseFile(path) {
  const bytes = new Uint8Array(await readFile(path));
  const text = new TextDecoder().decode(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = basename(path);
  if (text.includes('HANG')) for (;;) {}
  if (text.includes('CRASH')) process.exit(3);
  if (text.includes('BAD')) return { fileName, bytes, sha256, problems: [{ kind: 'corrupt-file', message: '文件已损坏，无法读取' }] };
  if (text.includes('SLOW')) await new Promise((r) => setTimeout(r, 1500));
  const [organ, year] = text.split('\\n');
  const model = { file: fileName, format: 'txt', title: organ + '年报', organ, year: Number(year), template: 'v2021', publishedAt: null,
    sections: [{ no: 1, title: '总体情况', text }], checks: [], problems: [],
    cells: { 't3/new/natural': { value: text.length, state: 'number', raw: String(text.length), source: { line: 1 } } } };
  return { fileName, bytes, sha256, model, problems: [],
    document: { format: 'txt', meta: {}, problems: [], blocks: [{ kind: 'paragraph', text }] } };
}
`;

let dir: string;
let db: Db;
let queue: ImportQueue;
let parserModule: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ri-queue-'));
  writeFileSync(join(dir, 'stub-parser.mjs'), STUB);
  parserModule = pathToFileURL(join(dir, 'stub-parser.mjs')).href;
  db = openDb(join(dir, 'lib.sqlite'));
});
afterEach(async () => {
  await queue?.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function files(specs: Record<string, string>): string {
  const folder = join(dir, 'in');
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(specs)) writeFileSync(join(folder, name), content);
  return folder;
}

async function run(paths: string[], opts: { timeoutMs?: number } = {}) {
  queue = new ImportQueue({ db, parserModule, workers: 2, heartbeatMs: 200, ...opts });
  const events: ImportProgress[] = [];
  queue.subscribe((e) => e.type === 'progress' && events.push(e.payload));
  const jobId = queue.start(paths);
  const summary = await queue.result(jobId)!;
  return { summary, events, jobId };
}

describe('import queue', () => {
  it('imports a folder with per-file progress and a summary; one bad file does not stop the batch', async () => {
    const folder = files({
      '01.txt': '甲县人民政府\n2023\n正文一',
      '02.txt': 'BAD',
      '03.txt': '乙县人民政府\n2022\n正文二',
      'x.jpg': 'img',
    });
    const { summary, events, jobId } = await run([folder]);
    expect(summary.imported.map((i) => i.file.slice(-6))).toEqual(expect.arrayContaining(['01.txt', '03.txt']));
    expect(summary.failed).toEqual([{ file: join(folder, '02.txt'), reason: '文件已损坏，无法读取' }]);
    expect(summary.skipped.map((s) => s.file)).toEqual([join(folder, 'x.jpg')]);
    expect(countReports(db)).toBe(2);
    const finished = events.filter((e) => e.outcome);
    expect(finished.map((e) => e.file).sort()).toEqual(['01.txt', '02.txt', '03.txt'].map((f) => join(folder, f)));
    expect(finished.map((e) => e.current).sort()).toEqual([1, 2, 3]);
    expect(events.every((e) => e.jobId === jobId && e.total <= 3)).toBe(true);
    expect(events[0]?.stage).toBe('scanning');
    expect(events.at(-1)).toMatchObject({ stage: 'done', current: 3, total: 3 });
    const first = summary.imported.find((i) => i.file.endsWith('01.txt'))!;
    expect(listCells(db, first.reportId)['t3/new/natural']?.value).toBe('甲县人民政府\n2023\n正文一'.length);
  });

  it('recognises files already in the library and copies within one batch as duplicates', async () => {
    const folder = files({ 'a.txt': '丙县\n2021\n同一内容', 'b.txt': '丙县\n2021\n同一内容' });
    const first = await run([folder]);
    expect(first.summary.imported).toHaveLength(1);
    expect(first.summary.duplicates).toHaveLength(1);
    await queue.close();
    const again = await run([folder]);
    expect(again.summary.imported).toHaveLength(0);
    expect(again.summary.duplicates.map((d) => d.reportId)).toEqual([
      first.summary.imported[0]!.reportId,
      first.summary.imported[0]!.reportId,
    ]);
    expect(countReports(db)).toBe(1);
  });

  it('stops a stuck parse at the timeout, records it, and carries on with a fresh worker', async () => {
    const folder = files({ '1.txt': 'HANG', '2.txt': '丁县\n2020\n后面的文件', '3.txt': '戊县\n2020\n再后面' });
    const { summary } = await run([folder], { timeoutMs: 1500 });
    expect(summary.failed).toEqual([{ file: join(folder, '1.txt'), reason: expect.stringMatching(/超时/) }]);
    expect(summary.imported).toHaveLength(2);
  });

  it('survives a worker that dies', async () => {
    const folder = files({ '1.txt': 'CRASH', '2.txt': '己县\n2020\n正常' });
    const { summary } = await run([folder]);
    expect(summary.failed[0]?.reason).toMatch(/退出|出错/);
    expect(summary.imported).toHaveLength(1);
  });

  it('keeps reporting progress during a long file', async () => {
    const folder = files({ '1.txt': 'SLOW 庚县\n2020\n慢' });
    const times: number[] = [];
    queue = new ImportQueue({ db, parserModule, heartbeatMs: 200 });
    queue.subscribe(() => times.push(Date.now()));
    await queue.result(queue.start([folder]));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThan(1000);
  });

  it('cancels between files: what ran is whole, the rest is listed as not processed', async () => {
    const specs: Record<string, string> = {};
    for (let i = 0; i < 8; i++) specs[`${i}.txt`] = `SLOW 单位${i}\n2020\n${i}`;
    const folder = files(specs);
    queue = new ImportQueue({ db, parserModule, workers: 2 });
    const jobId = queue.start([folder]);
    queue.subscribe((e) => e.type === 'progress' && e.payload.outcome && queue.cancel(jobId));
    const summary = await queue.result(jobId)!;
    expect(summary.cancelled).toBe(true);
    expect(summary.imported.length).toBeGreaterThanOrEqual(1);
    expect(summary.imported.length).toBeLessThan(8);
    expect(summary.imported.length + summary.skipped.length).toBe(8);
    expect(summary.skipped.every((s) => /取消/.test(s.reason))).toBe(true);
    expect(countReports(db)).toBe(summary.imported.length);
    expect(queue.cancel(jobId)).toBe(false);
  });

  it('runs jobs one after the other', async () => {
    const a = files({ 'a1.txt': 'SLOW 甲\n2020\na' });
    queue = new ImportQueue({ db, parserModule });
    const order: string[] = [];
    queue.subscribe((e) => e.type === 'done' && order.push(e.payload.jobId));
    const j1 = queue.start([a]);
    const j2 = queue.start([join(dir, 'nothing-here')]);
    await queue.result(j2);
    expect(order).toEqual([j1, j2]);
  });

  it('re-imports a file with reparse: parsed cells are rewritten, the inspector correction stays', async () => {
    const folder = files({ 'r.txt': '辛县\n2021\n原文' });
    const first = await run([folder]);
    const reportId = first.summary.imported[0]!.reportId;
    addCorrection(db, { reportId, cellId: 't3/new/natural', value: 99, state: 'number', reason: '人工核对', by: 'x' });
    const parsedAt = getReportRow(db, reportId)!.parsedAt;
    await queue.close();
    await new Promise((r) => setTimeout(r, 5));
    queue = new ImportQueue({ db, parserModule });
    const again = await queue.result(queue.start([folder], { reparse: true }))!;
    expect(again.duplicates).toEqual([{ file: join(folder, 'r.txt'), reportId }]);
    expect(getReportRow(db, reportId)!.parsedAt > parsedAt).toBe(true);
    expect(listCells(db, reportId)['t3/new/natural']).toMatchObject({ value: '辛县\n2021\n原文'.length, corrected: { value: 99 } });
    expect(countReports(db)).toBe(1);
  });
});
