// Grading through the services on real reports: checks on the effective cells, decisions that survive corrections,
// re-parse and restart, last year's report found or linked by hand, the same report as two files, checklists, settings.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import raw from '../../resources/checklists/default.json';
import type { GradingView, ImportSummary, Result } from '../../src/shared/ipc/contract';
import { openLibrary, type Library } from '../../src/main/services/library';
import * as repo from '../../src/main/db/index';
import { parseFile } from '../../src/main/services/parse-file';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const FILES = [
  'real/2023_fujian_pingtan_zhq.html',
  'real/2024_fujian_pingtan_zhq.html',
  'real/text/2024_fujian_pingtan_zhq.page.txt',
  'seeds/seed-004.txt',
];

let dir: string;
let lib: Library;
const id: Record<string, number> = {};

function open(): Library {
  return openLibrary({ dbPath: join(dir, 'lib.sqlite'), userName: '李评审' });
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const item = (v: GradingView, itemId: string) => v.assessment.items.find((i) => i.id === itemId)!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ri-grade-'));
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  for (const f of FILES) copyFileSync(join(CORPUS, f), join(usb, f.split('/').pop()!));
  lib = open();
  const started = ok(await lib.wrapped['import:start']({ paths: [usb] }));
  const summary = (await lib.queue.result(started.jobId)) as ImportSummary;
  for (const i of summary.imported) id[i.file.split(/[\\/]/).pop()!] = i.reportId;
  expect(Object.keys(id)).toHaveLength(4);
}, 120_000);

afterAll(async () => {
  await lib.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('grading services', () => {
  it('grades a report with every check and the default checklist', async () => {
    const v = ok(await lib.wrapped['grade:get']({ reportId: id['2024_fujian_pingtan_zhq.html']! }));
    expect(v.checks).toHaveLength(59);
    expect(v.checklist.ref).toBe('default@1');
    expect(v.assessment.items.map((i) => i.id)).toEqual(raw.items.map((i) => i.id));
    expect(v.assessment.state).toBe('ungraded');
    expect(v.assessment.total).toBe(v.assessment.suggestedTotal);
  });

  it("finds last year's report of the same unit, and the same report imported as two files", async () => {
    const v = ok(await lib.wrapped['grade:get']({ reportId: id['2024_fujian_pingtan_zhq.html']! }));
    expect(v.previous).toMatchObject({ how: 'auto', report: { id: id['2023_fujian_pingtan_zhq.html'] } });
    expect(v.checks.find((c) => c.id === 'XCK-07')!.status).not.toBe('na');
    const list = ok(await lib.wrapped['library:list']({ year: 2024 }));
    const html = list.reports.find((r) => r.id === id['2024_fujian_pingtan_zhq.html'])!;
    expect(html.sameAs).toEqual([id['2024_fujian_pingtan_zhq.page.txt']]);
    expect(html.grading).toMatchObject({ state: 'ungraded' });
  });

  it('refuses points other than the suggestion without a note, and keeps the decision with its history', async () => {
    const reportId = id['seed-004.txt']!;
    const before = ok(await lib.wrapped['grade:get']({ reportId }));
    const a1 = item(before, 'A1');
    const refused = await lib.wrapped['grade:decide']({ reportId, itemId: 'A1', points: a1.suggested - 1 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('理由');
    const v = ok(await lib.wrapped['grade:decide']({ reportId, itemId: 'A1', points: a1.suggested - 1, note: '报送迟了一天' }));
    expect(item(v, 'A1')).toMatchObject({ points: a1.suggested - 1, confirmed: true, secondLook: false });
    expect(v.assessment.total).toBe(before.assessment.total - 1);
    expect(v.assessment.state).toBe('in-progress');
    const history = ok(await lib.wrapped['grade:history']({ reportId }));
    expect(history[0]).toMatchObject({
      kind: 'points',
      itemId: 'A1',
      from: a1.suggested,
      to: a1.suggested - 1,
      text: '报送迟了一天',
      by: '李评审',
    });
  });

  it('re-runs the checks on a correction and flags a confirmed item for a second look instead of changing it', async () => {
    const reportId = id['2024_fujian_pingtan_zhq.html']!;
    const before = ok(await lib.wrapped['grade:get']({ reportId }));
    const c1 = item(before, 'C1');
    ok(await lib.wrapped['grade:decide']({ reportId, itemId: 'C1', points: c1.suggested }));
    const cell = before.checks.find((c) => c.id === 'ARI-01')!;
    expect(cell.status).toBe('pass');
    const natural = ok(await lib.wrapped['report:get']({ id: reportId })).cells['t3/new/natural']!;
    ok(
      await lib.wrapped['cell:correct']({
        reportId,
        cellId: 't3/new/natural',
        value: (natural.value ?? 0) + 7,
        state: 'number',
        reason: '核对原件',
      }),
    );
    const after = ok(await lib.wrapped['grade:get']({ reportId }));
    expect(after.checks.find((c) => c.id === 'ARI-01')!.status).toBe('fail');
    expect(after.checks.find((c) => c.id === 'ARI-01')!.cells).toContain('t3/new/natural');
    const c1After = item(after, 'C1');
    expect(c1After.suggested).toBeLessThan(c1.suggested);
    expect(c1After).toMatchObject({ points: c1.suggested, secondLook: true });
    expect(after.assessment.secondLook).toBe(1);
    const detail = ok(await lib.wrapped['report:get']({ id: reportId }));
    expect(detail.checks.find((c) => c.id === 'ARI-01')!.status).toBe('fail');
  });

  it("links and unlinks last year's report by hand, and takes the inspector's publish date", async () => {
    const reportId = id['seed-004.txt']!;
    const linked = ok(await lib.wrapped['grade:link-previous']({ reportId, previousId: id['2023_fujian_pingtan_zhq.html']! }));
    expect(linked.previous).toMatchObject({ how: 'manual', report: { id: id['2023_fujian_pingtan_zhq.html'] } });
    const none = ok(await lib.wrapped['grade:link-previous']({ reportId, previousId: null }));
    expect(none.previous).toEqual({ report: null, how: 'none' });
    expect(none.checks.find((c) => c.id === 'XCK-07')!.status).toBe('na');
    const late = ok(await lib.wrapped['grade:set-published']({ reportId, date: '2026-03-15' }));
    expect(late.publishedAt).toEqual({ date: '2026-03-15', source: 'inspector' });
    expect(late.checks.find((c) => c.id === 'MET-01')!.status).toBe('fail');
    expect(item(late, 'A1').suggested).toBe(5);
    expect((await lib.wrapped['grade:set-published']({ reportId, date: '2026-02-30' })).ok).toBe(false);
  });

  it('refuses a broken checklist, saves a county copy and grades with it', async () => {
    const broken = await lib.wrapped['checklist:save']({ checklist: { ...raw, id: 'county', items: [] } });
    expect(!broken.ok && broken.error.message).toContain('评分项');
    const county = JSON.parse(JSON.stringify(raw)) as typeof raw;
    county.id = 'county';
    county.name = '本县评分表';
    county.items[0]!.max = 8;
    county.items[1]!.max = 7;
    const saved = ok(await lib.wrapped['checklist:save']({ checklist: county }));
    expect(saved.ref).toBe('county@1');
    expect((await lib.wrapped['checklist:save']({ checklist: county })).ok).toBe(false);
    const v = ok(await lib.wrapped['grade:get']({ reportId: id['2023_fujian_pingtan_zhq.html']! }));
    expect(v.checklist).toEqual({ ref: 'county@1', name: '本县评分表' });
    expect(item(v, 'A1').max).toBe(8);
    ok(await lib.wrapped['checklist:activate']({ ref: 'default@1' }));
  });

  it('keeps decisions through a re-parse and a restart', async () => {
    const reportId = id['seed-004.txt']!;
    const before = ok(await lib.wrapped['grade:get']({ reportId }));
    const parsed = await parseFile(join(CORPUS, 'seeds/seed-004.txt'));
    repo.reparseReport(lib.db, reportId, { model: parsed.model!, problems: [], text: '' });
    await lib.close();
    lib = open();
    const after = ok(await lib.wrapped['grade:get']({ reportId }));
    expect(item(after, 'A1')).toMatchObject({ points: item(before, 'A1').points, confirmed: true });
    expect(after.assessment.total).toBe(before.assessment.total);
    const list = ok(await lib.wrapped['library:list']({ grading: 'in-progress' }));
    expect(list.reports.map((r) => r.id)).toContain(reportId);
  });
});
