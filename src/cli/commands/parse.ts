// `parse <file> --json`: prints one report's model as JSON (contract.md §3), with every check run on its cells.
// The parse runs in a worker thread with a memory limit and a 30 s time limit, so no file can hang or exhaust the
// process; bad input exits 1 with one line on stderr.
import { ParsePool } from '../../main/import/worker';
import type { ReportModel } from '../../shared/model/report';

const TIMEOUT_MS = 30_000;

const ENGLISH: Record<string, string> = {
  'unsupported-format': 'unsupported file type',
  'corrupt-file': 'corrupt or unreadable file',
  'password-protected': 'password-protected document',
  empty: 'empty file',
  'too-large': 'file too large',
  timeout: 'parsing took longer than 30 s',
  crash: 'the parser stopped on this file',
  error: 'cannot read',
};

export function newPool(): ParsePool {
  return new ParsePool({ size: 1, timeoutMs: TIMEOUT_MS, maxOldGenerationSizeMb: 1536 });
}

/** One file to its model, or the one-line error for stderr (Chinese | English) naming the file. */
export async function parseOne(pool: ParsePool, file: string): Promise<{ model: ReportModel } | { error: string }> {
  const outcome = await pool.parse(file);
  if (outcome.kind === 'failed') return { error: `${file}: ${outcome.reason} | ${ENGLISH[outcome.problem] ?? 'cannot read'}` };
  const { model, problems } = outcome.payload;
  if (!model) {
    const p = problems[0];
    return { error: `${file}: ${p?.message ?? '无法读取'} | ${ENGLISH[p?.kind ?? 'error'] ?? 'cannot read'}` };
  }
  return { model };
}

export async function runParse(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('用法 usage: parse <文件 file> --json\n');
    return 2;
  }
  const pool = newPool();
  try {
    // The worker starts first; the checks load in this thread while it parses.
    const parsing = parseOne(pool, file);
    const checks = import('../../shared/checks/index');
    checks.catch(() => undefined);
    const got = await parsing;
    if ('error' in got) {
      process.stderr.write(`${got.error}\n`);
      return 1;
    }
    // The printed model is the contract's: the prose paragraphs stay internal (they are the checks' evidence).
    const { evaluate } = await checks;
    const out = { ...got.model, paragraphs: undefined, checks: evaluate({ report: got.model }) };
    process.stdout.write(JSON.stringify(out, null, argv.includes('--compact') ? undefined : 2) + '\n');
    return 0;
  } finally {
    await pool.close();
  }
}
