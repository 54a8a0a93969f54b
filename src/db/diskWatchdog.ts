// Free space of the embedded data dir's file system, read with statfs every few seconds (and again
// before a change when the last reading is older than a second). Below the warning threshold
// administrators are told (log + a warning in the console); below the minimum the platform stops
// taking changes (507, src/server/diskGuard.ts) while reads go on, so PGlite never meets a full disk
// in the middle of a WAL write, which it cannot survive (src/db/client.ts). Changes are taken again
// as soon as space returns. PostgreSQL manages its own disk: no watchdog there.
import fs from 'node:fs';
import type { Logger } from 'pino';
import type { DiskConfig } from '../config/index.ts';

export type DiskState = 'ok' | 'low' | 'critical';

export interface DiskReading {
  dir: string;
  freeMb: number;
  totalMb: number;
  state: DiskState;
  /** The thresholds it was judged by. */
  warnMb: number;
  minFreeMb: number;
}

const MB = 1024 * 1024;

export class DiskWatchdog {
  private timer: NodeJS.Timeout | null = null;
  private last: { reading: DiskReading; at: number } | null = null;
  private checking: Promise<DiskReading> | null = null;

  constructor(
    private readonly dir: string,
    private readonly config: DiskConfig,
    private readonly log: Logger,
    /** Called on every change of state (after the log line), e.g. to raise a console warning. */
    private readonly onChange: (
      now: DiskReading,
      before: DiskState | null,
    ) => Promise<void> | void = () => {},
  ) {}

  get reading(): DiskReading | null {
    return this.last?.reading ?? null;
  }

  /** False while free space is under the minimum: changes are refused. */
  acceptsWrites(): boolean {
    return this.last?.reading.state !== 'critical';
  }

  /** A reading at most `maxAgeMs` old. */
  async fresh(maxAgeMs = 1000): Promise<DiskReading | null> {
    if (this.last && Date.now() - this.last.at <= maxAgeMs) return this.last.reading;
    return this.check().catch(() => this.reading);
  }

  check(): Promise<DiskReading> {
    this.checking ??= this.read().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async read(): Promise<DiskReading> {
    const s = await fs.promises.statfs(this.dir);
    const freeMb = Math.floor((s.bavail * s.bsize) / MB);
    const { warnMb, minFreeMb } = this.config;
    const state: DiskState = freeMb < minFreeMb ? 'critical' : freeMb < warnMb ? 'low' : 'ok';
    const reading = {
      dir: this.dir,
      freeMb,
      totalMb: Math.floor((s.blocks * s.bsize) / MB),
      state,
      warnMb,
      minFreeMb,
    };
    const before = this.last?.reading.state ?? null;
    this.last = { reading, at: Date.now() };
    if (state !== before) {
      const where = `${this.dir}：剩余 ${freeMb} MB / ${freeMb} MB free`;
      if (state === 'critical') {
        this.log.error(
          { disk: reading },
          `磁盘空间不足，平台暂停写入（查询不受影响）：${where}，低于 ${minFreeMb} MB / disk almost full, changes refused until space returns`,
        );
      } else if (state === 'low') {
        this.log.warn(
          { disk: reading },
          `磁盘空间偏低：${where}，低于告警阈值 ${warnMb} MB / disk space low`,
        );
      } else if (before !== null) {
        this.log.info({ disk: reading }, `磁盘空间已恢复：${where} / disk space back to normal`);
      }
      // Not awaited: a request waiting for a fresh reading does not wait for the warning's insert.
      Promise.resolve()
        .then(() => this.onChange(reading, before))
        .catch((e) => this.log.error({ err: e }, '磁盘空间预警写入失败 / could not record the disk warning'));
    }
    return reading;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.check().catch((e) => this.log.error({ err: e }, '无法读取磁盘空间 / statfs failed'));
    }, this.config.checkSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
