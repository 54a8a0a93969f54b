// `xinfang import cases FILE.xlsx|.csv --mapping mapping.json [--dry-run] [--report report.json]`
// (docs/interop.md, "历史数据导入"). The dry run prints what would be created and every rejected row
// with its reasons, and writes nothing; the real run prints the same report after writing.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { dataOption } from '../cli/options.ts';
import { createProgress, type Progress } from '../cli/progress.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { checkMapping, missingColumns } from '../domain/import/mapping.ts';
import { boot, shutdown } from '../server/boot.ts';
import { type ImportReport, importCases } from './cases.ts';
import { readSourceFile } from './read.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

const STATE_LABELS: Record<string, string> = {
  registered: '待受理',
  accepted: '已受理',
  replied: '已答复',
  closed: '已办结',
  not_accepted: '不予受理',
};

/** The report as lines for a person (the JSON report has the same facts). */
export function reportLines(r: ImportReport): string[] {
  const verb = r.dryRun ? '将导入' : '已导入';
  const lines = [
    `${r.dryRun ? '试运行（未写入任何数据）' : '导入完成'}：来源“${r.source}”，共 ${r.rows} 行`,
    `  ${verb} ${r.created} 件` +
      (r.created
        ? `（${Object.entries(r.byState)
            .map(([s, n]) => `${STATE_LABELS[s] ?? s} ${n}`)
            .join('，')}）`
        : ''),
    `  已导入过、跳过 ${r.alreadyImported} 行`,
    `  拒绝 ${r.rejected.length} 行`,
  ];
  if (r.months.length) lines.push(`  登记月份：${r.months[0]} 至 ${r.months.at(-1)}`);
  for (const x of r.rejected) {
    const no = x.sourceNo ? `（原编号 ${x.sourceNo}）` : '';
    lines.push(`  第 ${x.rowNo} 行${no}：${x.errors.map((e) => `${e.message} [${e.code}]`).join('；')}`);
  }
  return lines;
}

export function registerImportCommands(program: Command): void {
  const imp = program.command('import').description('导入历史数据 / import historical data');
  imp
    .command('cases')
    .description('从 Excel 或 CSV 导入历史信访事项 / import historical petition matters from .xlsx or .csv')
    .argument('<file>', '.xlsx 或 .csv（UTF-8）文件 / spreadsheet file')
    .requiredOption('--mapping <file>', '列映射文件 mapping.json / column mapping (docs/interop.md)')
    .option('--dry-run', '只检查、输出报告，不写入 / check and report only, write nothing')
    .option('--report <file>', '把报告另存为 JSON / also write the report as JSON')
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang import cases 历史件.xlsx --mapping mapping.json --dry-run\n  $ npx xinfang import cases 历史件.xlsx --mapping mapping.json --report 导入报告.json',
    )
    .action(
      async (file: string, opts: { mapping: string; dryRun?: boolean; report?: string; data: string }) => {
        const checked = checkMapping(JSON.parse(await readFile(opts.mapping, 'utf8')));
        if (!checked.ok) throw new Error(`映射文件有误 / invalid mapping:\n${checked.errors.join('\n')}`);
        const mapping = checked.mapping;
        const sheet = await readSourceFile(file, { sheet: mapping.sheet });
        const missing = missingColumns(mapping, sheet.headers);
        if (missing.length)
          throw new Error(`文件中没有映射的列 / columns not in the file: ${missing.join('、')}`);
        const ctx = await boot(appConfigFromEnv({ data: opts.data }), { deliverSms: false });
        try {
          let progress: Progress | undefined;
          const report = await importCases(ctx, sheet, mapping, {
            dryRun: opts.dryRun === true,
            file: basename(file),
            onStart: (n) => {
              progress = createProgress('import cases', n);
            },
            onProgress: (n) => progress?.increment(n),
          });
          progress?.stop();
          for (const line of reportLines(report)) out(line);
          if (opts.report) await writeFile(opts.report, `${JSON.stringify(report, null, 2)}\n`);
          if (report.rejected.length) process.exitCode = 3;
        } finally {
          await shutdown(ctx);
        }
      },
    );
}
