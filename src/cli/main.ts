// `xinfang` — serve, migrate, seed, audit verify, backup, restore, bench. Every command takes --data DIR
// (embedded database) or uses DATABASE_URL (PostgreSQL server) the same way.
import { Command } from 'commander';
import { registerAnalyticsCommands } from '../analytics/rebuild.ts';
import { registerBackupCommands } from '../backup/cli.ts';
import { registerHotspotCommands } from '../hotspots/cli.ts';
import { registerImportCommands } from '../import/cli.ts';
import { registerArchiveCommands } from '../partitions/cli.ts';
import { registerReportCommands } from '../reports/cli.ts';
import { safeErrorMessage } from '../security/redact.ts';
import { VERSION } from '../version.ts';
import { registerWarningCommands } from '../warnings/cli.ts';
import { registerAdminCommands } from './admin.ts';
import { registerServe } from './serve.ts';

const program = new Command('xinfang')
  .description('阳光信访 — 信访事项办理平台 (petition case-management platform)')
  .version(VERSION)
  // The program's own options (--version) only before a command: after one, an option of the same
  // name is the command's (`classify use --version 3` activates model 3, not print 0.1.0).
  .enablePositionalOptions()
  .addHelpText(
    'after',
    `
数据库 / database:
  默认使用嵌入式数据库 PGlite（--data 目录，默认 ./data）；设置 DATABASE_URL 则使用 PostgreSQL。

示例 / examples:
  $ npx xinfang serve                          # 嵌入式数据库 + 演示数据，http://127.0.0.1:3000
  $ npx xinfang serve --port 8080 --data /srv/xinfang
  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/xinfang XINFANG_SECRET=... npx xinfang serve
  $ npx xinfang seed --cases 100000 --seed 7
  $ npx xinfang audit verify
  $ npx xinfang archive --before 2016-01 --dry-run
  $ npx xinfang report monthly --month 2026-10 --out report.docx
  $ npx xinfang import cases 历史件.xlsx --mapping mapping.json --dry-run`,
  );

registerServe(program);
registerAdminCommands(program);
registerBackupCommands(program);
registerHotspotCommands(program);
registerAnalyticsCommands(program);
registerReportCommands(program);
registerWarningCommands(program);
registerImportCommands(program);
registerArchiveCommands(program);

program.parseAsync(process.argv).catch((e: Error & { exitCode?: number }) => {
  // Without a failed statement's parameters (personal data): see src/server/logging.ts.
  process.stderr.write(`错误 / error: ${safeErrorMessage(e)}\n`);
  // A refusal that restarting cannot fix (wrong key) has its own code: see docs/operations.md.
  process.exit(typeof e.exitCode === 'number' ? e.exitCode : 1);
});
