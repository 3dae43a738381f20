// The built command line (out/cli, scripts/build-cli.mjs — what `npm run cli` runs) prints exactly what the sources run
// by tsx print: for a text report and a PDF (the parse worker bundled next to it), and for a refused file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures');
const built = join(root, 'out', 'cli', 'index.js');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const both = (args: string[]) => Promise.all([run(['--import', 'tsx', join(root, 'src/cli/index.ts'), ...args]), run([built, ...args])]);

describe('the built command line', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), '--quiet'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(built)).toBe(true);
    expect(existsSync(join(root, 'out', 'cli', 'worker-runner.js'))).toBe(true);
  });

  for (const file of ['corpus/seeds/seed-004.txt', 'corpus/real/2024_jiangsu_huaian_city.pdf']) {
    it.concurrent(`parses ${file} to the same JSON as the sources`, async () => {
      const [source, bundle] = await both(['parse', join(fixtures, file), '--json']);
      expect(bundle.code).toBe(0);
      expect(source.code).toBe(0);
      expect(bundle.stdout).toBe(source.stdout);
      expect(JSON.parse(bundle.stdout).template).not.toBe('unknown');
    });
  }

  it.concurrent('refuses a hostile file with the same one line and exit code', async () => {
    const [source, bundle] = await both(['parse', join(fixtures, 'hostile', 'ole-random.doc'), '--json']);
    expect(bundle.code).toBe(1);
    expect(bundle.stderr).toBe(source.stderr);
    expect(bundle.stdout).toBe('');
  });
});
