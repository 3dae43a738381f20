// Builds the command line into out/cli/: src/cli/index.ts and the parse worker (src/main/import/worker-runner.ts) bundled
// by esbuild as ES modules, packages left to node_modules, each command and each reader's heavy code in its own chunk so
// a run loads only what it uses. `npm run cli` runs the build (precli); a build newer than every source file is kept.
// Usage: node scripts/build-cli.mjs [--force] [--quiet]
import { readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'out', 'cli');
const stamp = join(outDir, 'index.js');
const quiet = process.argv.includes('--quiet');

/** Newest modification time of the sources the bundle is made of (and of this script and the package manifest). */
function newestSource() {
  let newest = Math.max(statSync(import.meta.filename).mtimeMs, statSync(join(root, 'package.json')).mtimeMs);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'renderer') walk(p);
      } else if (/\.(ts|tsx|json|mjs|js)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  return newest;
}

if (!process.argv.includes('--force') && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource()) {
  if (!quiet) console.error('out/cli is up to date');
  process.exit(0);
}

const t0 = performance.now();
rmSync(outDir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/cli/index.ts', 'worker-runner': 'src/main/import/worker-runner.ts' },
  outdir: outDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Dependencies stay in node_modules: native modules (better-sqlite3, @napi-rs/canvas), pdf.js found by path, and a
  // require of what is not used is never paid.
  packages: 'external',
  // Chunks sit next to the entries: worker.ts finds `worker-runner.js` next to the module it was bundled into.
  chunkNames: '[name]-[hash]',
  entryNames: '[name]',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: quiet ? 'warning' : 'info',
  banner: { js: '// Built by scripts/build-cli.mjs from src/ — do not edit.' },
});
if (!quiet) console.error(`out/cli built in ${Math.round(performance.now() - t0)} ms`);
