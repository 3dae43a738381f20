// Expands the paths the user chose (files, folders, a whole USB stick) into the documents to import, with a reason for every skip.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'doc', 'wps', 'html', 'htm', 'shtml', 'txt'] as const;

export interface ScanResult {
  files: string[];
  skipped: { file: string; reason: string }[];
}

export interface ScanOptions {
  /** Stop collecting after this many documents (a runaway folder must not exhaust memory). */
  maxFiles?: number;
  maxDepth?: number;
  signal?: AbortSignal;
}

const SYSTEM_NAMES = new Set([
  'thumbs.db',
  'desktop.ini',
  'ehthumbs.db',
  '$recycle.bin',
  'system volume information',
  '__macosx',
  'recycler',
]);

/** Why a name is not imported regardless of its contents, or undefined. Hidden, lock and system files first. */
export function skipReasonForName(name: string, isDir: boolean): string | undefined {
  const lower = name.toLowerCase();
  if (name.startsWith('~$')) return 'Office 临时锁定文件，已跳过';
  if (name.startsWith('.')) return '隐藏文件，已跳过';
  if (SYSTEM_NAMES.has(lower)) return '系统文件，已跳过';
  if (isDir) return undefined;
  const ext = lower.includes('.') ? (lower.split('.').pop() ?? '') : '';
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) return '不是支持的文档类型（PDF、Word、WPS、网页、文本），已跳过';
  return undefined;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Walks files and folders depth-first, following symbolic links once (a link back to an ancestor is a loop and is skipped). */
export async function scanPaths(paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const maxFiles = options.maxFiles ?? 10_000;
  const maxDepth = options.maxDepth ?? 32;
  const out: ScanResult = { files: [], skipped: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  async function visit(path: string, depth: number, chosen: boolean): Promise<void> {
    if (options.signal?.aborted) return;
    let real: string;
    let isDir: boolean;
    try {
      const link = await lstat(path);
      real = link.isSymbolicLink() ? await realpath(path) : path;
      const st = link.isSymbolicLink() ? await stat(real) : link;
      isDir = st.isDirectory();
      if (!isDir && !st.isFile()) return void out.skipped.push({ file: path, reason: '不是普通文件，已跳过' });
    } catch {
      return void out.skipped.push({ file: path, reason: chosen ? '找不到该文件或无权读取' : '无法读取（链接失效或无权限），已跳过' });
    }
    // A chosen folder is entered whatever its name (the user picked it); everything else follows the name rules.
    const reason = chosen && isDir ? undefined : skipReasonForName(basename(path), isDir);
    if (reason) return void out.skipped.push({ file: path, reason });
    if (!isDir) return addFile(path, real);
    const key = await realpath(real).catch(() => real);
    if (seenDirs.has(key)) return void out.skipped.push({ file: path, reason: '文件夹链接形成循环或重复，已跳过' });
    if (depth >= maxDepth) return void out.skipped.push({ file: path, reason: '文件夹层级过深，已跳过' });
    seenDirs.add(key);
    let names: string[];
    try {
      names = await readdir(path);
    } catch {
      return void out.skipped.push({ file: path, reason: '无法读取文件夹（无权限），已跳过' });
    }
    names.sort(collator.compare);
    for (const name of names) await visit(join(path, name), depth + 1, false);
  }

  async function addFile(path: string, real: string): Promise<void> {
    const key = await realpath(real).catch(() => real);
    if (seenFiles.has(key)) return;
    if (out.files.length >= maxFiles) return void out.skipped.push({ file: path, reason: `一次最多导入 ${maxFiles} 个文件，已跳过` });
    seenFiles.add(key);
    out.files.push(path);
  }

  for (const p of paths) await visit(p, 0, true);
  return out;
}
