// Killing the app (SIGKILL) while the inspector's decisions are being written: the library opens, every decision the
// process reported as saved is there, whole, and nothing else of the library changed.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/db/index';
import { openLibrary } from '../../src/main/services/library';

const ROOT = join(import.meta.dirname, '..', '..');

/** The child decides items over and over, printing a line after each decision is committed. */
const CHILD = `
import { openLibrary } from ${JSON.stringify(join(ROOT, 'src', 'main', 'services', 'library.ts'))};
const lib = openLibrary({ dbPath: process.argv[2], userName: '王评审' });
const reportId = Number(process.argv[3]);
const items = lib.grading.view(reportId).assessment.items;
for (let n = 0; ; n++) {
  const it = items[n % items.length];
  lib.grading.decide(reportId, it.id, n % 2 ? 0 : it.suggested, n % 2 ? '第' + n + '次：扣完' : undefined);
  process.stdout.write('saved ' + (n + 1) + '\\n');
}
`;

let dir: string;
let dbPath: string;
let reportId = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ri-grade-kill-'));
  dbPath = join(dir, 'lib.sqlite');
  writeFileSync(join(dir, 'child.mts'), CHILD);
  copyFileSync(join(ROOT, 'tests/fixtures/corpus/seeds/seed-004.txt'), join(dir, 'seed-004.txt'));
  const lib = openLibrary({ dbPath });
  const job = lib.queue.start([join(dir, 'seed-004.txt')]);
  reportId = (await lib.queue.result(job))!.imported[0]!.reportId;
  await lib.close();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a kill mid-write', () => {
  it('loses no decision that was reported saved and leaves the library whole', async () => {
    const saved = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'child.mts'), dbPath, String(reportId)], { cwd: ROOT });
      let count = 0;
      child.stdout.on('data', (d: Buffer) => {
        count = Math.max(count, ...[...d.toString().matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
        if (count >= 40) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve(count));
    });
    expect(saved).toBeGreaterThanOrEqual(40);
    const db = openDb(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT points, note, by FROM decisions WHERE report_id = ? ORDER BY id').all(reportId) as {
      points: number;
      note: string;
      by: string;
    }[];
    db.close();
    expect(rows.length).toBeGreaterThanOrEqual(saved);
    // Every row is whole: an overridden one has its note, every one its signer.
    for (const [n, r] of rows.entries()) {
      expect(r.by).toBe('王评审');
      if (n % 2) expect(r).toMatchObject({ points: 0, note: `第${n}次：扣完` });
    }
    const lib = openLibrary({ dbPath });
    const view = lib.grading.view(reportId);
    expect(view.assessment.confirmed).toBeGreaterThan(0);
    await lib.close();
  }, 120_000);
});
