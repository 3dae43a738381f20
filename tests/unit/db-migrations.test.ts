// Migrations: a fresh database reaches the latest schema, each upgrade keeps data, a database from the future is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, schemaVersion, LATEST_VERSION, MIGRATIONS, FutureSchemaError, listLibrary, likePattern } from '../../src/main/db/index';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ri-mig-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

describe('migrations', () => {
  it('are numbered in increasing order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  it('0010 creates the strict tables on a fresh database', () => {
    const db = openDb(join(dir, 'a.sqlite'), { targetVersion: 10 });
    expect(schemaVersion(db)).toBe(10);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['units', 'reports', 'originals', 'sections', 'cells', 'corrections', 'problems', 'checks']),
    );
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'reports'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT$/);
    // STRICT rejects a text where an integer belongs.
    expect(() => db.prepare("INSERT INTO units (id, name) VALUES ('x', 'y')").run()).toThrow();
    db.close();
  });

  it('opens with WAL and foreign keys on', () => {
    const db = openDb(join(dir, 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('0020 upgrades a version-10 library and indexes the reports already in it', () => {
    const path = join(dir, 'b.sqlite');
    const old = openDb(path, { targetVersion: 10 });
    old.prepare("INSERT INTO units (name) VALUES ('平潭综合实验区管委会')").run();
    old
      .prepare(
        `INSERT INTO reports (unit_id, year, file_name, format, sha256, size, imported_at, parsed_at, template, title, status, model_json)
       VALUES (1, 2023, 'a.html', 'html', ?, 10, 'now', 'now', 'v2021', '年度报告', 'imported', '{}')`,
      )
      .run('a'.repeat(64));
    old.prepare("INSERT INTO report_texts (report_id, text) VALUES (1, '本年度共收到政府信息公开申请')").run();
    old.close();
    const db = openDb(path, { targetVersion: 20 });
    expect(schemaVersion(db)).toBe(20);
    expect(tables(db)).toContain('reports_fts');
    const page = listLibrary(db, { text: '信息公开申请' });
    expect(page.total).toBe(1);
    expect(page.reports[0]?.organ).toBe('平潭综合实验区管委会');
    expect(page.hits[0]?.snippet).toContain('«信息公开申请»');
    db.close();
  });

  it('0030 creates the short-term index on a fresh database', () => {
    const db = openDb(join(dir, 'e.sqlite'));
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(30);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'reports_grams'").get() as { sql: string }).sql;
    expect(sql).toMatch(/fts5/);
    expect(sql).toMatch(/detail = none/);
    expect(listLibrary(db, { text: '复议' }).total).toBe(0);
    db.close();
  });

  it('0030 upgrades a version-20 library and backfills the short-term index for every report', () => {
    const path = join(dir, 'f.sqlite');
    const old = openDb(path, { targetVersion: 20 });
    const n = 450; // more than one backfill batch
    old.prepare("INSERT INTO units (name) VALUES ('平潭综合实验区管委会'), ('淮安市人民政府')").run();
    const report = old.prepare(
      `INSERT INTO reports (unit_id, year, file_name, format, sha256, size, imported_at, parsed_at, template, title, status, model_json)
       VALUES (?, 2023, ?, 'txt', ?, 1, 'now', 'now', 'v2021', ?, 'imported', '{}')`,
    );
    const text = old.prepare('INSERT INTO report_texts (report_id, text) VALUES (?, ?)');
    old.transaction(() => {
      for (let i = 1; i <= n; i++) {
        const unit = i % 7 === 0 ? null : (i % 2) + 1;
        report.run(unit, `r${i}.txt`, i.toString(16).padStart(64, '0'), i % 5 === 0 ? `收费报告${i}` : null);
        if (i % 11 !== 0) text.run(i, `第${i}号：${i % 3 === 0 ? '行政复议' : '行政复\n议'}${i % 4 === 0 ? '，诉讼Ab' : ''}`);
      }
    })();
    old.close();
    const db = openDb(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect((db.prepare('SELECT count(*) AS n FROM reports_grams').get() as { n: number }).n).toBe(n);
    const like = (term: string): number => {
      const p = likePattern(term);
      return (
        db
          .prepare(
            `SELECT count(*) AS n FROM (SELECT report_id FROM report_texts WHERE text LIKE ? ESCAPE '\\'
             UNION SELECT r.id FROM reports r LEFT JOIN units u ON u.id = r.unit_id
             WHERE coalesce(r.title, '') LIKE ? ESCAPE '\\' OR coalesce(u.name, '') LIKE ? ESCAPE '\\')`,
          )
          .get(p, p, p) as { n: number }
      ).n;
    };
    for (const term of ['复议', '诉讼', 'ab', 'AB', '收费', '淮安', '管委', '7', '45', '号', '：']) {
      const page = listLibrary(db, { text: term, limit: 1000 });
      expect(page.total, term).toBe(like(term));
      expect(page.total, term).toBeGreaterThan(0);
    }
    expect(listLibrary(db, { text: '复议' }).total).toBe(Math.floor(n / 3) - Math.floor(n / 33));
    db.close();
  });

  it('rolls back a failing migration as a whole', () => {
    const path = join(dir, 'c.sqlite');
    const raw = new Database(path);
    // A table 0020 wants to create already exists: 0010 must not be left applied alone.
    raw.exec('CREATE TABLE reports_fts (x TEXT)');
    raw.close();
    expect(() => openDb(path)).toThrow();
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(check)).not.toContain('reports');
    check.close();
  });

  it('refuses a database written by a newer version, in Chinese', () => {
    const path = join(dir, 'd.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    expect(() => openDb(path)).toThrow(FutureSchemaError);
    expect(() => openDb(path)).toThrow(/版本/);
  });

  it('0040 upgrades a version-30 library: stored checks go, corrections stay, decisions are append-only', () => {
    const path = join(dir, 'g.sqlite');
    const old = openDb(path, { targetVersion: 30 });
    old
      .prepare(
        `INSERT INTO reports (year, file_name, format, sha256, size, imported_at, parsed_at, template, status, model_json)
       VALUES (2023, 'a.html', 'html', ?, 10, 'now', 'now', 'v2021', 'imported', '{}')`,
      )
      .run('b'.repeat(64));
    old
      .prepare(
        "INSERT INTO corrections (report_id, cell_id, value, state, reason, by, at) VALUES (1, 't3/new/natural', 2, 'number', 'r', 'x', 'now')",
      )
      .run();
    old
      .prepare("INSERT INTO checks (report_id, check_id, ord, status, message, cells_json) VALUES (1, 'ARI-01', 0, 'pass', 'm', '[]')")
      .run();
    old.close();
    const db = openDb(path, { targetVersion: 40 });
    expect(schemaVersion(db)).toBe(40);
    expect(tables(db)).not.toContain('checks');
    expect(tables(db)).toEqual(
      expect.arrayContaining(['decisions', 'comments', 'report_facts', 'checklists', 'settings', 'grading_cache']),
    );
    expect((db.prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n).toBe(1);
    db.prepare(
      "INSERT INTO decisions (report_id, item_id, points, suggested, note, checklist, by, at) VALUES (1, 'A1', 5, 10, 'late', 'default@1', 'x', 'now')",
    ).run();
    expect(() => db.prepare('UPDATE decisions SET points = 10').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM decisions').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO decisions (report_id, item_id, points, suggested, checklist, by, at) VALUES (1, 'A1', -1, 0, 'c', 'x', 'now')",
        )
        .run(),
    ).toThrow();
    // Deleting the report takes its decisions with it (the only way they go).
    db.prepare('DELETE FROM reports WHERE id = 1').run();
    expect((db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('0050 keeps what OCR said about a cell, and upgrades a version-40 library without touching its cells', () => {
    const path = join(dir, 'h.sqlite');
    const old = openDb(path, { targetVersion: 40 });
    old
      .prepare(
        `INSERT INTO reports (year, file_name, format, sha256, size, imported_at, parsed_at, template, status, model_json)
       VALUES (2023, 'a.pdf', 'pdf', ?, 10, 'now', 'now', 'v2021', 'imported', '{}')`,
      )
      .run('c'.repeat(64));
    old.prepare("INSERT INTO cells (report_id, cell_id, value, state) VALUES (1, 't3/new/natural', 3, 'number')").run();
    old.close();
    const db = openDb(path, { targetVersion: 50 });
    expect(schemaVersion(db)).toBe(50);
    expect(db.prepare('SELECT value, ocr_json AS ocr FROM cells').get()).toEqual({ value: 3, ocr: null });
    db.close();
  });

  it("0060 answers a year's version from an index", () => {
    const db = openDb(join(dir, 'i.sqlite'));
    expect(schemaVersion(db)).toBe(60);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT count(*), max(id), max(parsed_at), sum(coalesce(unit_id, 0)) FROM reports WHERE year = ?')
      .all(2024) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX reports_year_version');
    db.close();
  });
});
