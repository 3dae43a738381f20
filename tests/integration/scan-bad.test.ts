// Bad scans give a clear result within limits: a blank page, a photo that is no report, a 5000 × 5000 px page, a
// 200-page scan; a scanned report imported into the library is searchable by its OCR'd text; OCR progress per page.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/main/services/parse-file';
import { openLibrary } from '../../src/main/services/library';
import type { ImportProgress } from '../../src/shared/ipc/contract';

const hostile = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const scans = join(import.meta.dirname, '..', 'fixtures', 'generated', 'scan');
const dir = mkdtempSync(join(tmpdir(), 'ri-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad scans', () => {
  it('a blank scanned page: no numbers, says the page is blank', { timeout: 120_000 }, async () => {
    const r = await parseFile(join(hostile, 'scan-blank.pdf'));
    expect(r.model?.template).toBe('unknown');
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/空白页/);
  });

  it('a photo: not a report, says it is a picture', { timeout: 120_000 }, async () => {
    const r = await parseFile(join(hostile, 'scan-photo.pdf'));
    expect(r.model?.template).toBe('unknown');
    expect(Object.values(r.model?.cells ?? {}).some((c) => c.state === 'number')).toBe(false);
  });

  it('a 5000 × 5000 px page is read at a bounded resolution', { timeout: 120_000 }, async () => {
    const t0 = Date.now();
    const r = await parseFile(join(hostile, 'scan-huge.pdf'));
    expect(r.model?.template).toBe('unknown');
    expect(Date.now() - t0).toBeLessThan(60_000);
  });

  it("a 200-page scan: at most 20 pages OCR'd, and it says so", { timeout: 300_000 }, async () => {
    const pages: number[] = [];
    const r = await parseFile(join(hostile, 'scan-200-pages.pdf'), { onProgress: (p) => pages.push(p.current) });
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/只识别了前 20 页/);
    expect(Math.max(...pages)).toBe(20);
  });
});

describe('a scanned report in the library', () => {
  it('imports with page progress and is found by its OCR text', { timeout: 400_000 }, async () => {
    const file = join(dir, 'huaian-scan.pdf');
    copyFileSync(join(scans, '2024_jiangsu_huaian_city.scan.pdf'), file);
    const events: ImportProgress[] = [];
    const lib = openLibrary({
      dbPath: join(dir, 'lib.sqlite'),
      emit: (e, p) => void (e === 'import:progress' && events.push(p as ImportProgress)),
    });
    try {
      const started = await lib.wrapped['import:start']({ paths: [file] });
      if (!started.ok) throw new Error(started.error.message);
      const summary = (await lib.queue.result(started.value.jobId))!;
      expect(summary.failed).toEqual([]);
      expect(summary.imported).toHaveLength(1);
      const paged = events.filter((e) => e.stage === 'parsing' && e.pages);
      expect(paged.length).toBeGreaterThan(0);
      expect(paged[paged.length - 1]!.pages).toEqual({ current: 6, total: 6 });
      const hits = await lib.wrapped['library:list']({ text: '政府信息公开' });
      expect(hits.ok && hits.value.total).toBe(1);
    } finally {
      await lib.close();
    }
  });
});
