// Importing the real corpus (plus corrupt files in the middle) with the real parser: progress per file, unit and year as the truth says.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress, ImportSummary } from '../../src/shared/ipc/contract';
import { openLibrary, type Library } from '../../src/main/services/library';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

interface Truth {
  document: string;
  organ: string;
  year: number;
}

let dir: string;
let lib: Library;
let summary: ImportSummary;
const events: ImportProgress[] = [];
const truths: Truth[] = readdirSync(join(CORPUS, 'truth'))
  .map((f) => JSON.parse(readFileSync(join(CORPUS, 'truth', f), 'utf8')) as Truth)
  .filter((t) => typeof t.document === 'string');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ri-corpus-'));
  const usb = join(dir, 'usb');
  mkdirSync(join(usb, 'sub'), { recursive: true });
  for (const t of truths)
    copyFileSync(join(CORPUS, t.document), join(t.document.includes('/text/') ? join(usb, 'sub') : usb, basename(t.document)));
  // Broken files between the good ones (names sort among them).
  writeFileSync(join(usb, '2020_broken.pdf'), '%PDF-1.7\n' + 'garbage '.repeat(500));
  writeFileSync(join(usb, '2021_broken.docx'), 'PK\u0003\u0004 this is not a zip');
  writeFileSync(join(usb, '2022_empty.txt'), '');
  writeFileSync(join(usb, 'photo.jpg'), 'jpg');
  lib = openLibrary({
    dbPath: join(dir, 'lib.sqlite'),
    emit: (e, p) => void (e === 'import:progress' && events.push(p as ImportProgress)),
  });
  const started = await lib.wrapped['import:start']({ paths: [usb] });
  if (!started.ok) throw new Error(started.error.message);
  summary = (await lib.queue.result(started.value.jobId))!;
}, 180_000);
afterAll(async () => {
  await lib.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import of the corpus', () => {
  it('imports every real document; the corrupt ones fail with a reason and do not stop the batch', () => {
    expect(summary.imported).toHaveLength(truths.length);
    expect(summary.failed.map((f) => basename(f.file)).sort()).toEqual(['2020_broken.pdf', '2021_broken.docx', '2022_empty.txt']);
    for (const f of summary.failed) expect(f.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(summary.skipped.map((s) => basename(s.file))).toEqual(['photo.jpg']);
  });

  it('reports progress at least once per file, with increasing counts', () => {
    const finished = events.filter((e) => e.outcome);
    expect(finished).toHaveLength(truths.length + 3);
    expect(finished.map((e) => e.current)).toEqual(finished.map((_, i) => i + 1));
    expect(new Set(finished.map((e) => e.total))).toEqual(new Set([truths.length + 3]));
  });

  it('files each report under the unit and year the ground truth gives', async () => {
    const page = await lib.wrapped['library:list']({ limit: 1000 });
    if (!page.ok) throw new Error(page.error.message);
    const byFile = new Map(page.value.reports.map((r) => [r.fileName, r]));
    const wrong = truths.filter((t) => {
      const r = byFile.get(basename(t.document));
      return !r || r.year !== t.year || r.organ !== t.organ;
    });
    expect(wrong.map((t) => t.document)).toEqual([]);
    expect(page.value.years).toEqual([...new Set(truths.map((t) => t.year))].sort((a, b) => b - a));
  });

  it('opens each imported report with its cells and its source', async () => {
    for (const { reportId } of summary.imported) {
      const detail = await lib.wrapped['report:get']({ id: reportId });
      expect(detail.ok).toBe(true);
      const source = await lib.wrapped['report:source']({ id: reportId });
      expect(source.ok).toBe(true);
      if (source.ok && source.value.format !== 'pdf') expect(source.value.html).not.toMatch(/<script/i);
    }
  });

  it('full-text search finds Chinese phrases in the imported reports', async () => {
    const hits = await lib.wrapped['library:list']({ text: '政府信息公开' });
    expect(hits.ok && hits.value.total).toBeGreaterThanOrEqual(truths.length - 1);
    const organ = await lib.wrapped['library:list']({ text: '淮安' });
    expect(organ.ok && organ.value.reports.map((r) => r.fileName)).toContain('2024_jiangsu_huaian_city.pdf');
  });
});
