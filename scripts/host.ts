// Runs the loopback host by hand: `npx tsx scripts/host.ts [--db file] [--port N] [--dialog path…]`, then open the printed URL in a browser.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost } from '../src/main/host/server';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dbPath = resolve(option(args, '--db') ?? join(mkdtempSync(join(tmpdir(), 'ri-host-')), 'library.sqlite'));
  const i = args.indexOf('--dialog');
  const dialogPaths =
    i >= 0
      ? args
          .slice(i + 1)
          .filter((a) => !a.startsWith('--'))
          .map((p) => resolve(p))
      : [];
  const host = await startHost({ dbPath, dialogPaths, port: Number(option(args, '--port') ?? 0) });
  process.stdout.write(`评审库 ${dbPath}\n打开 ${host.url}\n(Ctrl+C 退出)\n`);
  process.on('SIGINT', () => void host.close().finally(() => process.exit(0)));
}

void main();
