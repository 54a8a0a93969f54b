// 存储空间不足: the disk watchdog (src/db/diskWatchdog.ts) reports low free space of the embedded data
// dir as a warning of every top-level jurisdiction, so administrators (and the other analytics
// readers of the province) see it on the 预警 page, not only in the log. One per day and level.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { DiskReading } from '../db/diskWatchdog.ts';
import { jurisdictions } from '../db/schema.ts';
import { insertWarning } from './store.ts';

export async function raiseStorageWarning(db: Db, r: DiskReading): Promise<void> {
  if (r.state === 'ok') return;
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai
  const level = r.state === 'critical' ? 'high' : 'medium';
  const title =
    r.state === 'critical'
      ? `服务器磁盘空间不足，平台已暂停写入（剩余 ${r.freeMb} MB）`
      : `服务器磁盘空间偏低（剩余 ${r.freeMb} MB）`;
  const detail =
    `数据目录 ${r.dir} 所在磁盘剩余 ${r.freeMb} MB（共 ${r.totalMb} MB）。` +
    `低于 ${r.warnMb} MB 时告警；低于 ${r.minFreeMb} MB 时平台暂停登记和办理（查询不受影响），空间恢复后自动继续。` +
    '请清理磁盘、转移备份文件或扩容。';
  const roots = await db
    .select({ code: jurisdictions.code })
    .from(jurisdictions)
    .where(eq(jurisdictions.level, 1));
  for (const { code } of roots) {
    await insertWarning(db, {
      kind: 'storage_low',
      level,
      jurisdictionCode: code,
      title,
      detail,
      caseIds: [],
      dedupeKey: `storage_low:${code}:${day}:${level}`,
    });
  }
}
