// Repositories: whole-report insert, duplicates by checksum, corrections that survive a re-parse, bulk unit/year, delete, backup and restore.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportModel, ParsedCell } from '../../src/shared/model/report';
import * as repo from '../../src/main/db/index';

let dir: string;
let db: repo.Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ri-repo-'));
  db = repo.openDb(join(dir, 'lib.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function cell(value: number | null, state: ParsedCell['state'] = value === null ? 'blank' : 'number'): ParsedCell {
  return { value, state, raw: value === null ? null : String(value), source: { page: 1, box: [1, 2, 3, 4] } };
}

function model(over: Partial<ReportModel> = {}): ReportModel {
  return {
    file: 'a.pdf',
    format: 'pdf',
    title: '某某县2023年政府信息公开工作年度报告',
    organ: '某某县人民政府',
    year: 2023,
    template: 'v2021',
    publishedAt: '2024-01-20',
    sections: [{ no: 1, title: '总体情况', text: '本年度主动公开政府信息一千余条。' }],
    cells: { 't3/new/natural': cell(12), 't3/total/total': cell(30), 't4/review/upheld': cell(null) },
    problems: [],
    ...over,
  };
}

function add(content: string, m: ReportModel = model(), problems: { kind: string; message: string }[] = []): repo.InsertOutcome {
  const bytes = new TextEncoder().encode(content);
  return repo.insertReport(db, {
    fileName: m.file,
    format: m.format,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    bytes,
    model: m,
    problems,
    text: m.sections.map((s) => s.text).join('\n'),
  });
}

describe('reports repository', () => {
  it('stores a whole report: original, cells, sections, unit, index row', () => {
    const r = add('file one');
    expect(r.kind).toBe('imported');
    const row = repo.getReportRow(db, r.reportId);
    expect(row).toMatchObject({ organ: '某某县人民政府', year: 2023, format: 'pdf', status: 'imported', uncertainCells: 0 });
    expect(repo.getOriginal(db, r.reportId)?.toString()).toBe('file one');
    const cells = repo.listCells(db, r.reportId);
    expect(cells['t3/new/natural']).toMatchObject({ value: 12, state: 'number', source: { page: 1, box: [1, 2, 3, 4] } });
    expect(repo.getReportModel(db, r.reportId)?.title).toContain('年度报告');
  });

  it('recognises a second copy of the same bytes as a duplicate and stores nothing new', () => {
    const a = add('same bytes');
    const b = add('same bytes', model({ file: 'copy.pdf', organ: '别的单位' }));
    expect(b).toEqual({ kind: 'duplicate', reportId: a.reportId });
    expect(repo.countReports(db)).toBe(1);
    expect(repo.listOrgans(db)).toEqual(['某某县人民政府']);
  });

  it('marks a report with uncertain cells or problems as needing attention', () => {
    const a = add(
      'x1',
      model({ cells: { 't3/new/natural': { value: null, state: 'ambiguous', raw: '1 0', source: null, note: '数字可能被拆开' } } }),
    );
    expect(repo.getReportRow(db, a.reportId)).toMatchObject({ status: 'needs-attention', uncertainCells: 1 });
    const b = add('x2', model(), [{ kind: 'needs-ocr', message: '扫描件，需要识别' }]);
    expect(repo.getReportRow(db, b.reportId)).toMatchObject({ status: 'needs-attention', problemCount: 1 });
    expect(repo.listProblems(db, b.reportId)).toEqual([{ kind: 'needs-ocr', message: '扫描件，需要识别' }]);
  });

  it('keeps corrections as append-only history, the latest one current, the parsed value visible', () => {
    const { reportId } = add('c');
    const base = { reportId, cellId: 't3/new/natural', state: 'number' as const, by: '张三' };
    repo.addCorrection(db, { ...base, value: 13, reason: '原文为13' });
    const second = repo.addCorrection(db, { ...base, value: 14, reason: '复核后为14' });
    const view = repo.getCell(db, reportId, 't3/new/natural');
    expect(view?.value).toBe(12);
    expect(view?.corrected).toEqual(second);
    expect(repo.correctionHistory(db, reportId, 't3/new/natural').map((c) => c.value)).toEqual([14, 13]);
    expect(repo.getReportRow(db, reportId)?.correctionCount).toBe(1);
    expect(() => db.prepare('UPDATE corrections SET value = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM corrections').run()).toThrow(/append-only/);
    expect(() => repo.addCorrection(db, { ...base, value: 1, reason: '   ' })).toThrow();
  });

  it('a correction of an uncertain cell clears the attention flag', () => {
    const { reportId } = add('u', model({ cells: { 't3/new/natural': { value: null, state: 'ambiguous', raw: null, source: null } } }));
    repo.addCorrection(db, { reportId, cellId: 't3/new/natural', value: 10, state: 'number', reason: '核对原文', by: 'x' });
    expect(repo.getReportRow(db, reportId)).toMatchObject({ status: 'imported', uncertainCells: 0 });
  });

  it('a re-parse replaces parsed cells and never touches corrections', () => {
    const { reportId } = add('r');
    repo.addCorrection(db, { reportId, cellId: 't3/total/total', value: 31, state: 'number', reason: '合计应为31', by: '李四' });
    const upgraded = model({ cells: { 't3/new/natural': cell(15), 't3/total/total': cell(29) }, title: '新标题' });
    expect(repo.reparseReport(db, reportId, { model: upgraded, problems: [], text: '新的正文' })).toBe(true);
    const cells = repo.listCells(db, reportId);
    expect(cells['t3/new/natural']?.value).toBe(15);
    expect(cells['t3/total/total']).toMatchObject({ value: 29, corrected: { value: 31, reason: '合计应为31', by: '李四' } });
    expect(cells['t4/review/upheld']).toBeUndefined();
    expect(repo.correctionHistory(db, reportId, 't3/total/total')).toHaveLength(1);
    expect(repo.listLibrary(db, { text: '新的正文' }).total).toBe(1);
  });

  it('a correction of a cell the new parse dropped stays visible', () => {
    const { reportId } = add('d');
    repo.addCorrection(db, { reportId, cellId: 't4/review/upheld', value: 2, state: 'number', reason: '原文有2件', by: 'x' });
    repo.reparseReport(db, reportId, { model: model({ cells: {} }), problems: [], text: '' });
    expect(repo.listCells(db, reportId)['t4/review/upheld']?.corrected?.value).toBe(2);
  });

  it('sets unit and year of many reports at once and a re-parse keeps them', () => {
    const a = add('m1');
    const b = add('m2', model({ organ: null, year: null }));
    expect(repo.setReportMeta(db, [a.reportId, b.reportId, 9999], { organ: '平潭综合实验区', year: 2022 })).toBe(2);
    expect(repo.getReportRow(db, b.reportId)).toMatchObject({ organ: '平潭综合实验区', year: 2022, metaLocked: true });
    repo.reparseReport(db, a.reportId, { model: model(), problems: [], text: '' });
    expect(repo.getReportRow(db, a.reportId)).toMatchObject({ organ: '平潭综合实验区', year: 2022 });
    expect(repo.listLibrary(db, { text: '平潭综合' }).total).toBe(2);
  });

  it('keeps what OCR said about a cell through the database', () => {
    const ocrCell: ParsedCell = { ...cell(351), ocr: { confidence: 0.85, repaired: true, read: '331' } };
    const { reportId } = add('ocr', model({ cells: { 't4/review/total': ocrCell, 't3/new/natural': cell(1) } }));
    expect(repo.getReportModel(db, reportId)?.cells['t4/review/total']?.ocr).toEqual({ confidence: 0.85, repaired: true, read: '331' });
    expect(repo.listCells(db, reportId)['t4/review/total']?.ocr).toEqual({ confidence: 0.85, repaired: true, read: '331' });
    expect(repo.listCells(db, reportId)['t3/new/natural']?.ocr).toBeUndefined();
  });

  it('deleting a report removes everything of it, corrections included', () => {
    const { reportId } = add('del');
    repo.addCorrection(db, { reportId, cellId: 't3/new/natural', value: 1, state: 'number', reason: 'r', by: 'x' });
    expect(repo.deleteReport(db, reportId)).toBe(true);
    const tables = [
      'reports',
      'report_texts',
      'originals',
      'cells',
      'sections',
      'corrections',
      'decisions',
      'reports_fts',
      'reports_grams',
    ];
    for (const t of tables) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(0);
    }
    expect(repo.deleteReport(db, reportId)).toBe(false);
  });

  it('a failure inside the insert leaves no half report behind', () => {
    const bad = model({ cells: { 't3/new/natural': { value: 1, state: 'bogus' as never, raw: null, source: null } } });
    expect(() => add('half', bad)).toThrow();
    expect(repo.countReports(db)).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM originals').get() as { n: number }).n).toBe(0);
  });

  it('backs up online and restores only a valid library', async () => {
    const { reportId } = add('backup me');
    const target = join(dir, 'backup.sqlite');
    await repo.backupDb(db, target);
    await expect(repo.backupDb(db, target)).rejects.toThrow(/已存在/);
    repo.addCorrection(db, { reportId, cellId: 't3/new/natural', value: 1, state: 'number', reason: 'after backup', by: 'x' });
    db.close();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all');
    expect(repo.validateBackup(junk)).toMatch(/不是 SQLite|损坏/);
    expect(() => repo.restoreDb(junk, join(dir, 'lib.sqlite'))).toThrow();
    expect(repo.validateBackup(target)).toBeUndefined();
    repo.restoreDb(target, join(dir, 'lib.sqlite'));
    db = repo.openDb(join(dir, 'lib.sqlite'));
    expect(repo.countReports(db)).toBe(1);
    expect(repo.correctionHistory(db, reportId, 't3/new/natural')).toHaveLength(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
