// Before the app starts: better-sqlite3 as installed is built for Node (the tests use it); Electron has its own ABI.
// This fetches better-sqlite3's prebuilt binary for the installed Electron once (internet needed the first time, like
// Electron's own binary) and puts it at resources/native/better_sqlite3.node, where the main process looks for it.
// It never touches node_modules, so `npm test` keeps working.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const electron = require('electron/package.json').version;
const sqlitePkg = require.resolve('better-sqlite3/package.json');
const sqlite = JSON.parse(readFileSync(sqlitePkg, 'utf8')).version;
const outDir = join(root, 'resources', 'native');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'better_sqlite3.stamp');
const stamp = `better-sqlite3 ${sqlite} electron ${electron} ${process.platform}-${process.arch}`;

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) process.exit(0);

console.log(`准备 Electron 版数据库组件 preparing better-sqlite3 ${sqlite} for Electron ${electron}…`);
const work = mkdtempSync(join(tmpdir(), 'ri-native-'));
try {
  copyFileSync(sqlitePkg, join(work, 'package.json'));
  const bin = require.resolve('prebuild-install/bin.js');
  const run = spawnSync(
    process.execPath,
    [bin, '--runtime', 'electron', '--target', electron, '--arch', process.arch, '--platform', process.platform],
    {
      cwd: work,
      stdio: 'inherit',
      timeout: 120_000,
    },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (run.status !== 0 || !existsSync(built)) {
    console.error(
      '无法下载 Electron 版数据库组件（首次启动需要联网）。请联网后重试 npm start。\n' +
        'Could not fetch better-sqlite3 for Electron (the first start needs internet); connect and run npm start again,\n' +
        `or place a better_sqlite3.node built for Electron ${electron} at ${target}.`,
    );
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, target);
  writeFileSync(stampFile, stamp + '\n');
  console.log(`已就绪 ready: ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
