// Hostile PDFs and Word files through the command line (fixtures from scripts/make-fixtures/hostile-pdf.ts): a flate
// bomb is refused before pdf.js inflates it, a page of 48 MB of path operators is skipped with a problem while the other
// pages are read, and an OLE2 signature followed by random bytes is refused — each well inside the worker's 30 s, the
// bombs without the process growing anywhere near 2 GB.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const hostile = join(root, 'tests', 'fixtures', 'hostile');
/** GNU time reports the peak RSS of the whole process (the parse worker is a thread in it). */
const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0 ? '/usr/bin/time' : undefined;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory in MB, when GNU time is installed. */
  peakMb?: number;
}

function parse(file: string): Promise<Run> {
  const t0 = Date.now();
  const args = ['--import', 'tsx', join(root, 'src/cli/index.ts'), 'parse', file, '--json'];
  const [cmd, argv] = TIME ? [TIME, ['-f', 'peak-rss-kb %M', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      const peak = /peak-rss-kb (\d+)\s*$/.exec(stderr);
      if (peak) stderr = stderr.slice(0, peak.index);
      resolve({ code, stdout, stderr, ms: Date.now() - t0, ...(peak ? { peakMb: Number(peak[1]) / 1024 } : {}) });
    });
  });
}

function oneLine(r: Run): string {
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn') && !/^Command exited/.test(l));
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('hostile PDFs and Word files, bounded', () => {
  for (const name of ['flate-bomb.pdf', 'image-bomb.pdf']) {
    it.concurrent(`refuses ${name} (1 GiB inflated) with one line, in seconds and without the memory`, async () => {
      const r = await parse(join(hostile, name));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const line = oneLine(r);
      expect(line).toContain(name);
      expect(line).toMatch(/压缩炸弹/);
      expect(line).toMatch(/\|\s*[a-z]/);
      expect(r.ms).toBeLessThan(30_000);
      if (r.peakMb !== undefined) expect(r.peakMb).toBeLessThan(1024);
    });
  }

  it.concurrent('skips the page of 48 MB of path operators with a problem saying so, and reads the others', async () => {
    const r = await parse(join(hostile, 'path-flood.pdf'));
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(30_000);
    const model = JSON.parse(r.stdout) as { template: string; problems: { kind: string; message: string }[] };
    expect(model.template).toBe('unknown');
    const partial = model.problems.find((p) => p.kind === 'partial');
    expect(partial?.message).toMatch(/第 2 页.*异常庞大.*未读取/);
    if (r.peakMb !== undefined) expect(r.peakMb).toBeLessThan(1024);
  });

  it.concurrent('refuses a file that is the OLE2 signature and then random bytes, naming the file', async () => {
    const r = await parse(join(hostile, 'ole-random.doc'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const line = oneLine(r);
    expect(line).toContain('ole-random.doc');
    expect(line).toMatch(/不是有效的 Word 文档/);
    expect(r.ms).toBeLessThan(30_000);
  });
});
