// `grade <file> [--previous <file>] [--peers <file>…] [--checklist <file.json>] [--received <YYYY-MM-DD>] --json`:
// every check of the catalog on one report and the checklist's suggested points (contract.md §5).
import { readFile } from 'node:fs/promises';
import { grade, type Graded } from '../../shared/grading/index';
import { validateChecklist, type Checklist } from '../../shared/grading/checklist';
import { DEFAULT_CHECKLIST } from '../../shared/grading/default-checklist';
import type { ReportModel } from '../../shared/model/report';
import { newPool, parseOne } from './parse';

const USAGE =
  '用法 usage: grade <文件 file> [--previous <上年报告>] [--peers <同年其他单位报告…>] [--checklist <评分表.json>] [--received <YYYY-MM-DD>] --json\n';

export interface GradeArgs {
  file: string;
  previous?: string;
  peers: string[];
  checklist?: string;
  received?: string;
}

/** Flags with values; --peers takes every following argument up to the next flag. */
export function parseGradeArgs(argv: string[]): GradeArgs | string {
  const out: GradeArgs = { file: '', peers: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string | undefined => (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[++i] : undefined);
    if (a === '--json' || a === '--compact') continue;
    else if (a === '--previous') out.previous = next() ?? '';
    else if (a === '--checklist') out.checklist = next() ?? '';
    else if (a === '--received') out.received = next() ?? '';
    else if (a === '--peers') for (let p = next(); p !== undefined; p = next()) out.peers.push(p);
    else if (a.startsWith('--')) return `未知选项 unknown option: ${a}`;
    else if (!out.file) out.file = a;
    else return `多余的参数 unexpected argument: ${a}`;
  }
  if (!out.file) return '缺少文件 missing file';
  if (out.previous === '' || out.checklist === '') return '选项缺少文件 an option is missing its file';
  if (out.received !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(out.received)) return `--received 须写成 YYYY-MM-DD: ${out.received}`;
  return out;
}

async function loadChecklist(path: string): Promise<Checklist | string> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return `${path}: 评分表无法读取或不是 JSON | cannot read checklist`;
  }
  const v = validateChecklist(raw);
  return v.ok ? v.checklist : `${path}: 评分表有误：${v.errors.join('；')} | invalid checklist`;
}

export interface GradedFile {
  model: ReportModel;
  graded: Graded;
  checklist: Checklist;
}

/** The `grade` pipeline, shared with `sheet`: parse the file (and last year's, the peers') in a worker, then grade. */
export async function gradeFile(a: GradeArgs): Promise<GradedFile | { error: string; code: number }> {
  const checklist = a.checklist ? await loadChecklist(a.checklist) : DEFAULT_CHECKLIST;
  if (typeof checklist === 'string') return { error: checklist, code: 1 };
  const pool = newPool();
  try {
    const main = await parseOne(pool, a.file);
    if ('error' in main) return { error: main.error, code: 1 };
    // A previous or peer report that cannot be read is left out with a warning: the report itself is still graded.
    const other = async (file: string): Promise<ReportModel | null> => {
      const got = await parseOne(pool, file);
      if ('error' in got) process.stderr.write(`警告 warning: ${got.error}\n`);
      return 'model' in got ? got.model : null;
    };
    const previous = a.previous ? await other(a.previous) : null;
    const peers: ReportModel[] = [];
    for (const p of a.peers) {
      const m = await other(p);
      if (m) peers.push(m);
    }
    const graded = grade({ report: main.model, previous, peers, receivedAt: a.received ?? null }, checklist);
    return { model: main.model, graded, checklist };
  } finally {
    await pool.close();
  }
}

export async function runGrade(argv: string[]): Promise<number> {
  const a = parseGradeArgs(argv);
  if (typeof a === 'string') {
    process.stderr.write(`${a}\n${USAGE}`);
    return 2;
  }
  const got = await gradeFile(a);
  if ('error' in got) {
    process.stderr.write(`${got.error}\n`);
    return got.code;
  }
  const r = got.model;
  const { checks, sheet } = got.graded;
  const out = {
    file: r.file,
    organ: r.organ,
    year: r.year,
    template: r.template,
    publishedAt: r.publishedAt ?? a.received ?? null,
    checks,
    sheet,
  };
  process.stdout.write(JSON.stringify(out, null, argv.includes('--compact') ? undefined : 2) + '\n');
  return 0;
}
