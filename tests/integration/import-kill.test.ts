// Killing the import process (SIGKILL) mid-way: the library opens, every report is whole or absent, and the same import runs again.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, countReports, type Db } from '../../src/main/db/index';
import { parseBytes } from '../../src/main/services/parse-file';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus');
const COPIES = 3;

/** The child: the command line's import, run as its own process so it can be killed like a closed laptop lid. */
const CHILD = `
import { runImport } from ${JSON.stringify(join(ROOT, 'src', 'cli', 'commands', 'import.ts'))};
process.exitCode = await runImport(process.argv.slice(2));
`;

let dir: string;
let input: string;
let dbPath: string;
let fileCount = 0;

/** Copies of the corpus with a distinct trailing byte run each, so every copy has its own checksum. */
function copyCorpus(target: string, copies: number): number {
  const sources = [
    ...readdirSync(join(CORPUS, 'real'))
      .filter((f) => /\.(html|pdf)$/.test(f))
      .map((f) => join(CORPUS, 'real', f)),
    ...readdirSync(join(CORPUS, 'real', 'text')).map((f) => join(CORPUS, 'real', 'text', f)),
    ...readdirSync(join(CORPUS, 'seeds')).map((f) => join(CORPUS, 'seeds', f)),
  ];
  let n = 0;
  for (let k = 0; k < copies; k++) {
    for (const src of sources) {
      const name = `${k}-${src.split('/').pop()}`;
      copyFileSync(src, join(target, name));
      appendFileSync(join(target, name), src.endsWith('.html') ? `\n<!-- copy ${k} -->\n` : `\n${' '.repeat(k + 1)}\n`);
      n++;
    }
  }
  return n;
}

function runChild(
  args: string[],
  killAfterImported?: number,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'child.mts'), ...args], { cwd: ROOT, env: { ...process.env } });
    let stdout = '';
    let stderr = '';
    let imported = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      imported = (stderr.match(/已导入/g) ?? []).length;
      if (killAfterImported !== undefined && imported >= killAfterImported) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Every report has its original (matching its checksum), its text and search row, and exactly the cells and sections
 * a fresh parse of that original yields (the oracle is independent of what the killed process wrote).
 */
async function assertWhole(db: Db, deep: boolean): Promise<void> {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const reports = db.prepare('SELECT id, sha256, file_name AS fileName FROM reports').all() as {
    id: number;
    sha256: string;
    fileName: string;
  }[];
  const count = (sql: string, id: number) => (db.prepare(sql).get(id) as { n: number }).n;
  for (const r of reports) {
    const original = db.prepare('SELECT bytes FROM originals WHERE report_id = ?').get(r.id) as { bytes: Buffer } | undefined;
    expect(original, `original of ${r.id}`).toBeDefined();
    expect(createHash('sha256').update(original!.bytes).digest('hex')).toBe(r.sha256);
    if (!deep) continue;
    const fresh = await parseBytes(new Uint8Array(original!.bytes), r.fileName);
    expect(count('SELECT count(*) AS n FROM cells WHERE report_id = ?', r.id), `cells of ${r.fileName}`).toBe(
      Object.keys(fresh.model?.cells ?? {}).length,
    );
    expect(count('SELECT count(*) AS n FROM sections WHERE report_id = ?', r.id), `sections of ${r.fileName}`).toBe(
      new Set(fresh.model?.sections.map((x) => x.no)).size,
    );
  }
  // Text and search rows of every report, checked in one go.
  expect((db.prepare('SELECT count(*) AS n FROM reports r JOIN report_texts t ON t.report_id = r.id').get() as { n: number }).n).toBe(
    reports.length,
  );
  expect((db.prepare('SELECT count(*) AS n FROM reports r JOIN reports_fts f ON f.rowid = r.id').get() as { n: number }).n).toBe(
    reports.length,
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ri-kill-'));
  input = join(dir, 'usb');
  mkdirSync(input);
  fileCount = copyCorpus(input, COPIES);
  writeFileSync(join(dir, 'child.mts'), CHILD);
  dbPath = join(dir, 'lib.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('killing an import', () => {
  it('leaves a library that opens, with whole reports only, and the same import completes afterwards', async () => {
    const killed = await runChild([input, '--db', dbPath], 3);
    expect(killed.signal).toBe('SIGKILL');
    const done = (killed.stderr.match(/已导入/g) ?? []).length;
    expect(done).toBeGreaterThanOrEqual(3);

    let db = openDb(dbPath);
    const before = countReports(db);
    // The kill came mid-batch: some reports are in, not all.
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(fileCount);
    await assertWhole(db, true);
    db.close();

    const again = await runChild([input, '--db', dbPath]);
    expect(again.code).toBe(0);
    const counts = /imported=(\d+) duplicates=(\d+) failed=(\d+)/.exec(again.stdout);
    expect(counts).not.toBeNull();
    const [imported, duplicates, failed] = [Number(counts![1]), Number(counts![2]), Number(counts![3])];
    expect(duplicates).toBe(before);
    expect(imported + duplicates + failed).toBe(fileCount);
    db = openDb(dbPath);
    expect(countReports(db)).toBe(before + imported);
    await assertWhole(db, false);
    db.close();
  }, 180_000);
});
