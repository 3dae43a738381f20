// Review packages (.ripkg) between inspectors: the chosen reports with their originals, parses and the whole
// append-only history written to one SQLite file; imported into another library without duplicating a report or
// overriding a decision in force there (the merge rules are in db/package-repo.ts). Progress per report.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { JobProgress, PackageImportSummary } from '../../shared/ipc/contract';
import * as repo from '../db/index';
import type { Db } from '../db/index';
import { ServiceError } from '../services/errors';

export const PACKAGE_EXTENSION = '.ripkg';
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface PackageJob {
  jobId: string;
  emit?: (p: JobProgress) => void;
}

/** A package is attached to the library's connection: one package job per library at a time. */
const busy = new WeakSet<Db>();

function claim(db: Db): void {
  if (busy.has(db)) throw new ServiceError('invalid-input', '另一个交接包正在导出或导入，请等它完成后再试。');
  busy.add(db);
}

const tick = () => new Promise((r) => setImmediate(r));

export async function exportPackage(
  db: Db,
  ids: readonly number[],
  path: string,
  job: PackageJob & { by: string },
): Promise<{ path: string; reports: number }> {
  const dir = await stat(dirname(path)).catch(() => undefined);
  if (!dir?.isDirectory()) throw new ServiceError('not-found', `保存交接包的文件夹不存在：${dirname(path)}`);
  claim(db);
  const partial = `${path}.partial-${process.pid}`;
  const emit = (current: number, extra: Partial<JobProgress> = {}) =>
    job.emit?.({ jobId: job.jobId, kind: 'package-export', current, total: ids.length, ...extra });
  try {
    await rm(partial, { force: true });
    repo.attachPackage(db, partial);
    repo.createPackageTables(db, {
      created_at: new Date().toISOString(),
      created_by: job.by,
      reports: String(ids.length),
      library_schema: String(repo.schemaVersion(db)),
    });
    for (const [i, id] of ids.entries()) {
      if (!repo.copyReportToPackage(db, id, i)) throw new ServiceError('not-found', `找不到编号为 ${id} 的报告（可能已被删除）。`);
      emit(i + 1, { label: repo.getReportRow(db, id)?.organ ?? `报告 ${id}` });
      await tick();
    }
    repo.copyChecklistsToPackage(db);
    repo.detachPackage(db);
    await rename(partial, path);
    emit(ids.length, { done: true });
    return { path, reports: ids.length };
  } catch (e) {
    repo.detachPackage(db);
    await rm(partial, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const err =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? new ServiceError('invalid-input', `无法写入“${basename(path)}”：文件正被占用或没有写入权限。`)
        : e;
    emit(0, { done: true, error: err instanceof ServiceError ? err.message : '导出交接包失败。' });
    throw err;
  } finally {
    busy.delete(db);
  }
}

/** The errors a damaged file raises while it is read, as one clear message naming the file. */
function corrupt(name: string, detail?: string): ServiceError {
  return new ServiceError('corrupt-file', `交接包“${name}”已损坏${detail ? `（${detail}）` : ''}，未导入其中的报告。请重新导出后再试。`);
}

/** What a damaged or foreign package raises while read (a busy or full library is not the package's fault). */
function isPackageFault(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|CONSTRAINT|ERROR|MISMATCH|RANGE|FORMAT|TOOBIG)/.test(code);
}

async function header(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fh.read(buf, 0, 16, 0);
    return buf.subarray(0, bytesRead).toString('latin1');
  } finally {
    await fh.close();
  }
}

/** Refuses what is not a package of ours, or one this version cannot read, before anything is imported. */
function validate(db: Db, name: string): void {
  const check = repo.packageQuickCheck(db);
  if (check !== 'ok') throw corrupt(name, check.slice(0, 120));
  const tables = new Set(repo.packageTables(db));
  if (!tables.has('meta')) throw new ServiceError('unsupported-format', `“${name}”不是本程序导出的评审交接包（${PACKAGE_EXTENSION}）。`);
  const meta = repo.readPackageMeta(db);
  if (meta['format'] !== repo.PACKAGE_FORMAT)
    throw new ServiceError('unsupported-format', `“${name}”不是本程序导出的评审交接包（${PACKAGE_EXTENSION}）。`);
  const version = Number(meta['version']);
  if (!Number.isInteger(version) || version < 1) throw corrupt(name, '格式版本缺失');
  if (version > repo.PACKAGE_VERSION)
    throw new ServiceError('unsupported-format', `交接包“${name}”由较新版本的程序导出（格式版本 ${version}），请升级本程序后再导入。`);
  const missing = repo.PACKAGE_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) throw corrupt(name, `缺少 ${missing.join('、')}`);
}

function verifyOriginal(db: Db, r: repo.PackagedReport, name: string): Buffer {
  const bytes = repo.packagedOriginal(db, r.sha256);
  const sha = bytes ? createHash('sha256').update(bytes).digest('hex') : '';
  if (!bytes || sha !== r.sha256 || bytes.byteLength !== r.size) throw corrupt(name, `原件“${r.fileName}”校验和不符`);
  return bytes;
}

export async function importPackage(db: Db, path: string, job: PackageJob): Promise<PackageImportSummary> {
  const name = basename(path);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new ServiceError('not-found', `找不到交接包文件：${path}`);
  if ((await header(path)) !== SQLITE_MAGIC)
    throw new ServiceError('unsupported-format', `“${name}”不是评审交接包（${PACKAGE_EXTENSION}），或文件已损坏。`);
  claim(db);
  // Read a private copy: a USB stick may be pulled out, and SQLite must never write (recover a journal) on the original.
  const tmp = await mkdtemp(join(tmpdir(), 'ri-pkg-'));
  const copy = join(tmp, 'in.ripkg');
  let total = 0;
  const emit = (current: number, extra: Partial<JobProgress> = {}) =>
    job.emit?.({ jobId: job.jobId, kind: 'package-import', current, total, ...extra });
  try {
    await copyFile(path, copy);
    repo.attachPackage(db, copy);
    validate(db, name);
    const reports = repo.listPackagedReports(db);
    total = reports.length;
    // Every original checked before the first one is imported: a damaged package changes nothing.
    for (const r of reports) verifyOriginal(db, r, name);
    repo.importPackagedChecklists(db);
    const summary: PackageImportSummary = { added: 0, merged: 0, appended: 0, conflicts: [] };
    const at = new Date().toISOString();
    for (const [i, r] of reports.entries()) {
      const out = repo.importPackagedReport(db, r.sha256, verifyOriginal(db, r, name), at);
      if (out.kind === 'added') summary.added += 1;
      else summary.merged += 1;
      summary.appended += out.appended;
      for (const c of out.conflicts)
        summary.conflicts.push({
          reportId: c.reportId,
          organ: c.organ,
          itemId: c.itemId,
          here: c.here,
          there: c.there,
          thereBy: c.thereBy,
        });
      emit(i + 1, { label: r.organ ?? r.fileName });
      await tick();
    }
    summary.appended += repo.importPackagedFacts(db);
    emit(total, { done: true });
    return summary;
  } catch (e) {
    const err = e instanceof ServiceError ? e : isPackageFault(e) ? corrupt(name, (e as Error).message.slice(0, 120)) : e;
    emit(0, { done: true, error: err instanceof ServiceError ? err.message : '导入交接包失败。' });
    throw err;
  } finally {
    repo.detachPackage(db);
    busy.delete(db);
    await rm(tmp, { recursive: true, force: true });
  }
}
