// `xinfang backup` and `xinfang restore` (docs/operations.md).
import type { Command } from 'commander';
import { dataOption } from '../cli/options.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { createBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('备份数据库与个人信息密钥 / back up the database with its key and a manifest')
    .addOption(dataOption())
    .requiredOption('--out <file>', '输出文件（tar，权限 0600）/ output file (tar, mode 0600)')
    .addHelpText(
      'after',
      `
嵌入式数据库须先停止平台；PostgreSQL 使用 pg_dump 快照，无需停机。备份包含密钥，请像密钥一样保管。
The embedded database must be stopped first; PostgreSQL is dumped from a snapshot while running.
The archive holds the key: keep it like the key.

示例:
  $ npx xinfang backup --data /srv/xinfang --out /backup/xinfang-2026-11-27.tar
  $ DATABASE_URL=postgres://... XINFANG_SECRET=... npx xinfang backup --out xinfang.tar`,
    )
    .action(async (opts: { data: string; out: string }) => {
      const config = appConfigFromEnv({ data: opts.data });
      const m = await createBackup(config, opts.out);
      const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
      out(
        `已备份到 ${opts.out}（${m.database}，${Object.keys(m.tables).length} 张表，${rows} 行，审计链头 ${m.audit.headPosition}，含密钥）\n` +
          `backup written: ${Object.keys(m.tables).length} tables, ${rows} rows, audit head ${m.audit.headPosition}, key included`,
      );
    });

  program
    .command('restore')
    .description('从备份恢复并校验 / restore a backup and verify it (manifest, key, audit chain)')
    .argument('<archive>', '备份文件 / archive written by xinfang backup')
    .addOption(dataOption())
    .addHelpText(
      'after',
      `
嵌入式备份恢复到新的（空）目录 --data；PostgreSQL 备份恢复到 DATABASE_URL 指向的空库，密钥写入 --data 目录。
An embedded backup is restored into a new, empty --data directory; a PostgreSQL backup into the
empty database at DATABASE_URL, with its key written to <data>/secret.key (set XINFANG_SECRET to it).

示例:
  $ npx xinfang restore /backup/xinfang-2026-11-27.tar --data /srv/xinfang-restored
  $ DATABASE_URL=postgres://.../xinfang_new npx xinfang restore xinfang.tar --data /etc/xinfang`,
    )
    .action(async (archive: string, opts: { data: string }) => {
      const config = appConfigFromEnv({ data: opts.data });
      const r = await restoreBackup(archive, config);
      out(
        `恢复完成并已校验：各表行数与校验和一致，密钥可解密个人信息，审计链完整（${r.auditRows} 条）。密钥：${r.keyFile}\n` +
          `restored and verified: tables match the manifest, the key opens the personal data, audit chain intact (${r.auditRows} rows). Key: ${r.keyFile}`,
      );
      if (r.manifest.database === 'postgres') {
        out(
          `启动前请设置 XINFANG_SECRET 为 ${r.keyFile} 的内容 / set XINFANG_SECRET to the content of ${r.keyFile}`,
        );
      }
    });
}
