// `xinfang archive`: move old monthly partitions of the history tables to files (archive.ts).
import type { Command } from 'commander';
import { dataOption } from '../cli/options.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { isMonth, PARTITIONED_TABLES, retentionRefusals } from '../domain/partitions/months.ts';
import { boot, shutdown } from '../server/boot.ts';
import { ArchiveRefused, archiveHistory, refusalMessage, restoreArchive } from './archive.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

function parseMonth(v: string): string {
  if (!isMonth(v)) throw new Error(`--before 应为年月 YYYY-MM / --before must be YYYY-MM: ${v}`);
  return v;
}

export function registerArchiveCommands(program: Command): void {
  program
    .command('archive')
    .description('历史分区归档：将早于某月的分区写入文件并删除 / archive old history partitions to files')
    .addOption(dataOption())
    .option(
      '--before <YYYY-MM>',
      '归档早于该月（北京时间）的分区 / partitions of months before this one',
      parseMonth,
    )
    .option('--out <dir>', '归档文件目录 / directory of the archive files', './archive')
    .option('--tables <list>', '只归档这些表（逗号分隔）/ only these tables (comma-separated)')
    .option('--dry-run', '只列出将归档的分区，不做改动 / list what would be archived, change nothing')
    .option('--restore <file>', '将归档文件恢复入库 / put an archive file back into the database')
    .addHelpText(
      'after',
      `
示例:
  $ npx xinfang archive --before 2016-01 --dry-run
  $ npx xinfang archive --before 2016-01 --out /srv/xinfang-archive
  $ npx xinfang archive --restore /srv/xinfang-archive/audit_log_p2015_03.ndjson.gz

审计日志须在库内保留 XINFANG_AUDIT_RETENTION_YEARS 年（默认 10），办理过程 XINFANG_HISTORY_RETENTION_YEARS 年（默认 10）；
更近的 --before 会被拒绝。每个文件旁有 .sha256 校验文件；归档后 \`xinfang audit verify\` 仍校验整条审计链。
Audit rows stay XINFANG_AUDIT_RETENTION_YEARS years (default 10); a later --before is refused.`,
    )
    .action(
      async (opts: {
        data: string;
        before?: string;
        out: string;
        tables?: string;
        dryRun?: boolean;
        restore?: string;
      }) => {
        if (!opts.before && !opts.restore)
          throw new Error('需要 --before 或 --restore / --before or --restore is required');
        const config = appConfigFromEnv({ data: opts.data, demo: false });
        const retentionYears = { audit: config.auditRetentionYears, history: config.historyRetentionYears };
        const tables = opts.tables
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        // A refused --before is answered before the database is opened (archiveHistory checks again).
        if (opts.before) {
          const chosen = PARTITIONED_TABLES.filter((t) => !tables?.length || tables.includes(t.table));
          const refused = retentionRefusals(opts.before, chosen, new Date(), retentionYears);
          if (refused.length > 0) throw new ArchiveRefused(refusalMessage(refused));
        }
        const ctx = await boot(config, { deliverSms: false, seedDemo: false });
        try {
          if (opts.restore) {
            const r = await restoreArchive(ctx.db, opts.restore);
            out(`已恢复 / restored ${r.partition}: ${r.rows} rows`);
            return;
          }
          const done = await archiveHistory(ctx.db, {
            before: opts.before as string,
            tables,
            outDir: opts.out,
            dryRun: opts.dryRun,
            retentionYears,
          });
          for (const p of done) {
            out(
              opts.dryRun
                ? `将归档 / would archive ${p.partition}: ${p.rows} rows`
                : `已归档 / archived ${p.partition}: ${p.rows} rows → ${p.file} (sha256 ${p.sha256})`,
            );
          }
          if (done.length === 0) out('没有可归档的分区 / no partition to archive');
        } finally {
          await shutdown(ctx);
        }
      },
    );
}
