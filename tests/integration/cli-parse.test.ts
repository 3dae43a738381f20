// The `parse` command as a user runs it: JSON only on stdout for a report, one clear line on stderr and a non-zero
// exit for unreadable input, `template: unknown` with no numbers for a readable non-report — within bounded time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures');

function parse(file: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/index.ts'), 'parse', file, '--json'], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
  });
}

describe('parse <file> --json', () => {
  it.concurrent('prints the report model as JSON and nothing else on stdout', async () => {
    const r = await parse(join(fixtures, 'corpus/seeds/seed-004.txt'));
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(model).toMatchObject({ format: 'txt', template: 'v2021', year: 2025, publishedAt: '2026-01-14' });
    expect(model.cells['t2/licensing/decisions']).toMatchObject({ value: 18, state: 'number', source: { line: expect.any(Number) } });
  });

  const refused: [string, RegExp][] = [
    ['zero.pdf', /空/],
    ['truncated.pdf', /损坏|不完整/],
    ['encrypted.pdf', /密码/],
    ['image-renamed.pdf', /不是 PDF|图片/],
    ['not-a-zip.docx', /不是有效的 Word/],
    ['bomb.docx', /过大|压缩/],
  ];
  for (const [name, reason] of refused) {
    it.concurrent(`refuses ${name} with one line naming the file and the reason`, async () => {
      const r = await parse(join(fixtures, 'hostile', name));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(name);
      expect(lines[0]).toMatch(reason);
      expect(lines[0]).toMatch(/\|\s*[a-z]/); // the English half
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.ms).toBeLessThan(30_000);
    });
  }

  for (const name of ['not-a-report.docx', 'scan-only.pdf']) {
    it.concurrent(`reads ${name} as a document that is not a report: template unknown, no numbers`, async () => {
      const r = await parse(join(fixtures, 'hostile', name));
      expect(r.code).toBe(0);
      const model = JSON.parse(r.stdout);
      expect(model.template).toBe('unknown');
      expect(Object.values(model.cells).filter((c) => (c as { state: string }).state === 'number')).toEqual([]);
    });
  }

  it.concurrent(
    'reads a scanned PDF by OCR and says so',
    async () => {
      const r = await parse(join(fixtures, 'hostile', 'scan-only.pdf'));
      expect(r.code).toBe(0);
      const model = JSON.parse(r.stdout);
      // The page was OCR'd (or could not be): the model says so, and it never passes an OCR guess off as a plain number.
      expect(model.problems.map((p: { kind: string }) => p.kind)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(partial|needs-ocr)$/)]),
      );
      for (const c of Object.values(model.cells) as { state: string; ocr?: unknown }[])
        if (c.state === 'number') expect(c.ocr).toBeDefined();
    },
    180_000,
  );

  it.concurrent('refuses a missing file', async () => {
    const r = await parse(join(fixtures, 'no-such-file.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-file.pdf');
  });
});
