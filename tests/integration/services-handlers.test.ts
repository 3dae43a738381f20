// Every channel's handler against a real database and queue (a scripted parser in the worker): results, typed errors, events.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events, EventName, ImportSummary } from '../../src/shared/ipc/contract';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { openLibrary, type Library } from '../../src/main/services/library';

/** Builds a small model from the file: first line = organ, second = year; "?" in the text makes a cell ambiguous. */
const STUB = `
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
export async function parseFile(path) {
  const bytes = new Uint8Array(await readFile(path));
  const text = new TextDecoder().decode(bytes);
  const fileName = basename(path);
  const format = extname(path) === '.html' ? 'html' : 'txt';
  const [organ, year] = text.replace(/<[^>]*>/g, '').trim().split('\\n');
  const model = { file: fileName, format, title: organ + '年度报告', organ, year: Number(year), template: 'v2021', publishedAt: null,
    sections: [{ no: 1, title: '总体情况', text }], problems: [],
    cells: { 't3/new/natural': text.includes('?') ? { value: null, state: 'ambiguous', raw: '1 0', source: { line: 3 }, note: '数字可能被拆开' }
      : { value: 5, state: 'number', raw: '5', source: { line: 3 } } } };
  return { fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), model, problems: [],
    document: { format, meta: {}, problems: [], blocks: [{ kind: 'paragraph', text }] } };
}
`;

let dir: string;
let lib: Library;
const events: { event: EventName; payload: unknown }[] = [];
let ids: number[] = [];

async function importAndWait(paths: string[]): Promise<ImportSummary> {
  const r = await lib.wrapped['import:start']({ paths });
  if (!r.ok) throw new Error(r.error.message);
  return (await lib.queue.result(r.value.jobId)) as ImportSummary;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ri-svc-'));
  writeFileSync(join(dir, 'stub.mjs'), STUB);
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'a.txt'), '甲县人民政府\n2023\n依申请公开情况良好\n');
  writeFileSync(join(input, 'b.txt'), '乙县人民政府\n2022\n收到申请?件\n');
  writeFileSync(
    join(input, 'c.html'),
    '<html><body><p>丙县人民政府\n2021</p><script>alert(1)</script><img src="http://evil.example/x.png"><a href="javascript:alert(2)">x</a></body></html>',
  );
  lib = openLibrary({
    dbPath: join(dir, 'lib.sqlite'),
    userName: '张评审',
    emit: <E extends EventName>(event: E, payload: Events[E]) => void events.push({ event, payload }),
    queue: { parserModule: pathToFileURL(join(dir, 'stub.mjs')).href },
  });
  const summary = await importAndWait([input]);
  // Two workers finish in any order: look reports up by file.
  const byFile = new Map(summary.imported.map((i) => [i.file.slice(-5), i.reportId]));
  ids = ['a.txt', 'b.txt', 'c.html'].map((f) => byFile.get(f.slice(-5)) ?? 0);
});
afterAll(async () => {
  await lib.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('handlers', () => {
  it('implement every channel of the contract', () => {
    expect(Object.keys(lib.handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('forward import progress and the summary as events', () => {
    expect(ids).toHaveLength(3);
    expect(events.filter((e) => e.event === 'import:progress').length).toBeGreaterThanOrEqual(3);
    expect(events.filter((e) => e.event === 'import:done')).toHaveLength(1);
  });

  it('library:list filters, searches and reports status', async () => {
    const all = await lib.wrapped['library:list']({});
    expect(all.ok && all.value.total).toBe(3);
    const attention = await lib.wrapped['library:list']({ status: 'needs-attention' });
    expect(attention.ok && attention.value.reports.map((r) => r.organ)).toEqual(['乙县人民政府']);
    const found = await lib.wrapped['library:list']({ text: '依申请公开' });
    expect(found.ok && found.value.hits[0]?.snippet).toContain('«依申请公开»');
  });

  it('cell:correct appends a correction; report:get shows it beside the parsed value; cell:history lists it', async () => {
    const b = ids[1]!;
    const bad = await lib.wrapped['cell:correct']({ reportId: b, cellId: 't3/new/natural', value: 10, state: 'number', reason: '' });
    expect(bad).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/理由/) } });
    const ok = await lib.wrapped['cell:correct']({ reportId: b, cellId: 't3/new/natural', value: 10, state: 'number', reason: '原文为10' });
    expect(ok.ok && ok.value).toMatchObject({
      id: 't3/new/natural',
      value: null,
      state: 'ambiguous',
      corrected: { value: 10, by: '张评审', reason: '原文为10' },
    });
    const detail = await lib.wrapped['report:get']({ id: b });
    expect(detail.ok && detail.value.cells['t3/new/natural']?.corrected?.value).toBe(10);
    expect(detail.ok && detail.value.summary).toMatchObject({ status: 'imported', correctionCount: 1 });
    expect(detail.ok && detail.value.checks).toHaveLength(59);
    const history = await lib.wrapped['cell:history']({ reportId: b, cellId: 't3/new/natural' });
    expect(history.ok && history.value.map((c) => c.reason)).toEqual(['原文为10']);
  });

  it('report:set-meta corrects unit and year of many reports', async () => {
    const r = await lib.wrapped['report:set-meta']({ ids: [ids[0]!, ids[1]!], organ: '平潭综合实验区管委会', year: 2024 });
    expect(r).toEqual({ ok: true, value: { updated: 2 } });
    const page = await lib.wrapped['library:list']({ year: 2024 });
    expect(page.ok && page.value.organs).toContain('平潭综合实验区管委会');
    expect(page.ok && page.value.total).toBe(2);
  });

  it('report:source returns sanitized HTML: no script, no remote image, no javascript: link', async () => {
    const html = await lib.wrapped['report:source']({ id: ids[2]! });
    expect(html.ok).toBe(true);
    if (!html.ok || html.value.format === 'pdf') return;
    expect(html.value.html).toContain('丙县人民政府');
    expect(html.value.html).not.toMatch(/<script|alert\(1\)|evil\.example|javascript:/i);
    expect(html.value.html).toContain('Content-Security-Policy');
    const txt = await lib.wrapped['report:source']({ id: ids[0]! });
    expect(txt.ok && txt.value.format === 'txt' && txt.value.html).toContain('data-line="3"');
  });

  it('typed errors: not-found, invalid-input, no dialog; never a stack trace', async () => {
    const missing = await lib.wrapped['report:get']({ id: 999_999 });
    expect(missing).toEqual({ ok: false, error: { kind: 'not-found', message: expect.stringMatching(/找不到/) } });
    for (const c of CHANNELS) {
      const r = await lib.wrapped[c]('garbage' as never);
      if (!r.ok) {
        expect(['invalid-input', 'internal']).toContain(r.error.kind);
        expect(r.error.message).not.toMatch(/at .*\.ts:\d+/);
      }
    }
    const dialog = await lib.wrapped['dialog:open']({ kind: 'files' });
    expect(dialog.ok).toBe(false);
  });

  it('db:info and db:backup', async () => {
    const info = await lib.wrapped['db:info']({});
    expect(info).toEqual({ ok: true, value: { path: join(dir, 'lib.sqlite'), reports: 3 } });
    const b = await lib.wrapped['db:backup']({});
    expect(b.ok && existsSync(b.value.path)).toBe(true);
    const explicit = join(dir, '备份.sqlite');
    expect(await lib.wrapped['db:backup']({ path: explicit })).toEqual({ ok: true, value: { path: explicit } });
    const again = await lib.wrapped['db:backup']({ path: explicit });
    expect(again.ok).toBe(false);
  });

  it('import:cancel of an unknown job, report:delete', async () => {
    expect(await lib.wrapped['import:cancel']({ jobId: 'nope' })).toEqual({ ok: true, value: { cancelled: false } });
    expect(await lib.wrapped['report:delete']({ id: ids[2]! })).toEqual({ ok: true, value: { deleted: true } });
    expect(await lib.wrapped['report:delete']({ id: ids[2]! })).toEqual({ ok: true, value: { deleted: false } });
    const summary = await importAndWait([join(dir, 'in')]);
    expect(summary.imported).toHaveLength(1);
    expect(summary.duplicates).toHaveLength(2);
  });
});
