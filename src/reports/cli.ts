// `xinfang report monthly --month 2026-10 [--scope 320000] --out report.docx|report.pdf`:
// gathers the month's figures from the database, drafts the texts and writes the file. Nothing is
// stored (the console/API keep drafts for editing; this is the quick, unedited version).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { dataOption } from '../cli/options.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { collectReportData } from './collect.ts';
import { type ReportFormat, renderReport } from './render.ts';
import { draftSections, reportTitle } from './sections.ts';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('专报 / reports')
    .command('monthly')
    .description('生成月度信访形势专报（Word 或 PDF）/ write the monthly special report')
    .addOption(dataOption())
    .requiredOption('--month <YYYY-MM>', '报告月份 / month')
    .option('--scope <code>', '行政区划代码 / jurisdiction code', '320000')
    .requiredOption('--out <file>', '输出文件，.docx 或 .pdf / output file')
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang report monthly --month 2026-10 --out report.docx\n  $ npx xinfang report monthly --month 2026-10 --scope 320100 --out nanjing.pdf',
    )
    .action(async (opts: { data: string; month: string; scope: string; out: string }) => {
      const ext = path.extname(opts.out).toLowerCase();
      if (ext !== '.docx' && ext !== '.pdf')
        throw new Error('--out 须以 .docx 或 .pdf 结尾 / must end in .docx or .pdf');
      const database = await openDatabase(appConfigFromEnv({ data: opts.data }));
      try {
        await migrate(database);
        const data = await collectReportData(database.db, { month: opts.month, scopeCode: opts.scope });
        const bytes = await renderReport(ext.slice(1) as ReportFormat, {
          data,
          sections: draftSections(data),
        });
        fs.writeFileSync(opts.out, bytes);
        process.stdout.write(`已生成《${reportTitle(data)}》/ written ${opts.out} (${bytes.length} bytes)\n`);
      } finally {
        await database.close();
      }
    });
}
