// The command line over the same services as the app: parse, import, list.
import { runParse } from './commands/parse';

const HELP = `政府信息公开年报评审 — 命令行 (Report Inspector command line)

  parse <文件> --json              解析一份年报，输出 JSON 报告模型 (print the report model as JSON)
  grade <文件> [--previous <上年报告>] [--peers <同年其他报告…>] [--checklist <评分表.json>] [--received <YYYY-MM-DD>] --json
                                   检查并按评分表给出建议分 (every check and the checklist's suggested points)
  sheet <文件> [grade 的选项] --pdf <输出.pdf>
                                   打印一份 A4 评分表（分数均为建议分）(one A4 assessment sheet, suggested points)
  sheets --db <库文件> [--year N] [--order ranking|unit] --pdf <输出.pdf>
                                   库中一个年度的全部评分表，合为一个 PDF (every sheet of a year, one PDF)
  ranking --db <库文件> --year N [--pdf <输出.pdf>]   全县排名 (the county ranking, as text or A4 PDF)
  import <路径…> --db <库文件>      导入文件或文件夹到评审库 (import files or folders into a library)
  list --db <库文件> [--year N] [--text 关键词]   列出库中的报告 (list the reports of a library)
  backup --db <库文件> [--to <备份文件>]          备份评审库 (back up a library while it is in use)
  restore <备份文件> --db <库文件>                从备份恢复（先关闭应用）(restore a backup; close the app first)
  export --db <库文件> [--year N | --ids 1,2] --xlsx <汇总表.xlsx>   Excel 汇总表：汇总、明细、排名 (the county's Excel summary)
  package export --db <库文件> [--year N | --ids 1,2] --out <交接包.ripkg>   导出评审交接包 (a review package for a colleague)
  package import <交接包.ripkg> --db <库文件>     导入交接包，列出评分冲突 (import a review package; conflicts listed)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return runParse(rest);
    case 'grade': {
      const { runGrade } = await import('./commands/grade');
      return runGrade(rest);
    }
    case 'sheet': {
      const { runSheet } = await import('./commands/sheet');
      return runSheet(rest);
    }
    case 'sheets': {
      const { runSheets } = await import('./commands/sheet');
      return runSheets(rest);
    }
    case 'ranking': {
      const { runRanking } = await import('./commands/sheet');
      return runRanking(rest);
    }
    case 'import': {
      const { runImport } = await import('./commands/import');
      return runImport(rest);
    }
    case 'list': {
      const { runList } = await import('./commands/list');
      return runList(rest);
    }
    case 'backup': {
      const { runBackup } = await import('./commands/backup');
      return runBackup(rest);
    }
    case 'export': {
      const { runExport } = await import('./commands/export');
      return runExport(rest);
    }
    case 'package': {
      const { runPackage } = await import('./commands/package');
      return runPackage(rest);
    }
    case 'restore': {
      const { runRestore } = await import('./commands/backup');
      return runRestore(rest);
    }
    default:
      process.stdout.write(HELP);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Never a stack trace for the user; the message is enough to report a bug.
    process.stderr.write(`内部错误 internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
