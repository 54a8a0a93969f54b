// The background pass-runner shared by the audit sealer, the SMS dispatcher and any job that works
// off a queue in the database: passes never overlap in a process; a kick during a pass asks for one
// more pass after it, and a kick while one is already scheduled is absorbed, so a burst of commits
// costs a few passes; a periodic tick (optionally behind a cheap probe) picks up work enqueued
// elsewhere (another node, a scheduled job). After `stop()` nothing new starts.
import type { Logger } from 'pino';
import { databaseFailure, shortDbError } from '../db/errors.ts';

export interface PassLoopOptions {
  /** What the pass does, in Chinese and English, for the log lines (e.g. '短信发送 / outbox dispatch'). */
  label: string;
  log: Logger;
  /** Wait this long after a kick before the pass, so one pass serves a burst (default 0). */
  delayMs?: number;
  /** The periodic tick of `start()`. */
  pollMs: number;
  /** A cheap look before a periodic pass; the pass runs only when it says there is work. */
  probe?: () => Promise<boolean>;
}

export class PassLoop {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private probing: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly opts: PassLoopOptions,
  ) {}

  /** A database outage is expected to end: one short line, not a stack per pass (the next retries). */
  private failed(e: unknown): void {
    if (databaseFailure(e))
      this.opts.log.warn(`${this.opts.label} 推迟，数据库不可用 / deferred: ${shortDbError(e)}`);
    else this.opts.log.error({ err: e }, `${this.opts.label} 失败 / failed`);
  }

  /** Runs a pass soon, without overlapping the one running. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.run();
    }, this.opts.delayMs ?? 0);
    this.soon.unref();
  }

  private run(): void {
    this.running = this.pass()
      .then(
        () => undefined,
        (e) => this.failed(e),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private tick(): void {
    if (this.stopped || this.probing || this.running || this.soon) return;
    const { probe } = this.opts;
    if (!probe) {
      this.kick();
      return;
    }
    this.probing = probe()
      .then(
        (work) => {
          if (work) this.kick();
        },
        (e) => this.failed(e),
      )
      .finally(() => {
        this.probing = null;
      });
  }

  /** The periodic tick, and one at once. */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.tick(), this.opts.pollMs);
    this.timer.unref();
    this.tick();
  }

  get started(): boolean {
    return this.timer !== null;
  }

  /** Waits until no pass runs (one kicked meanwhile included). */
  async idle(): Promise<void> {
    while (this.running || this.soon) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, this.opts.delayMs ?? 0));
    }
  }

  /** Stops kicks and ticks, and waits for the pass running. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
    await this.probing;
    while (this.running) await this.running;
  }
}
