// Where messages go. The console sink is for demo mode only (it prints codes to the log); real
// gateways are in ./gateways/. A sink throws to signal a failed attempt; the dispatcher retries.
import type { Logger } from 'pino';
import { GatewayError } from './gateways/errors.ts';

export interface OutgoingSms {
  to: string;
  toMasked: string;
  body: string;
  idempotencyKey: string;
  /** Our template name ('login_code', 'case_accepted', …); gateways with approved templates need it. */
  template?: string;
  /** Values for the template's placeholders, by name (Tencent SMS sends them in configured order). */
  params?: Record<string, string>;
  /** The case the message is about, when it is one (other channels link to it). */
  caseId?: number;
}

export interface SmsSink {
  name: string;
  send(msg: OutgoingSms): Promise<void>;
}

/** Prints the text to the server log, with the number masked (logs never hold phone numbers). */
export function consoleSink(log: Logger): SmsSink {
  return {
    name: 'console',
    async send(msg) {
      log.info({ sms: { to: msg.toMasked, key: msg.idempotencyKey } }, `短信 → ${msg.toMasked}：${msg.body}`);
    },
  };
}

/** XINFANG_SMS_GATEWAY=off: nothing is sent; each message is dead-lettered at once, saying why. */
export function disabledSink(): SmsSink {
  return {
    name: 'off',
    async send() {
      throw new GatewayError('off', '短信已关闭（XINFANG_SMS_GATEWAY=off），未发送', { permanent: true });
    },
  };
}

/** For commands that only enqueue (the server sends): a pass here would be a bug, and says so. */
export function heldSink(): SmsSink {
  return {
    name: 'held',
    async send() {
      throw new Error('this command does not send SMS; the server sends the outbox');
    },
  };
}

/** Collects messages in memory; for tests that check what would have been sent. */
export function memorySink(): SmsSink & { sent: OutgoingSms[]; failNext: number } {
  const sink = {
    name: 'memory',
    sent: [] as OutgoingSms[],
    failNext: 0,
    async send(msg: OutgoingSms) {
      if (sink.failNext > 0) {
        sink.failNext--;
        throw new Error('simulated gateway failure');
      }
      sink.sent.push(msg);
    },
  };
  return sink;
}
