// Issue 10, fault 7: secrets and personal data in logs and rows at rest. Database errors are logged
// without statement parameters; the console SMS gateway only in demo mode; outbox texts encrypted
// and purged after a retention period; stored documents without the name in clear; numbers in free
// text masked for roles that see the parties masked.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConfigFromEnv } from '../../src/config/index.ts';
import { idNumberCheckDigit } from '../../src/domain/validation/index.ts';
import { purgeOutbox } from '../../src/notify/dispatcher.ts';
import { boot, shutdown } from '../../src/server/boot.ts';
import { createLogger } from '../../src/server/logging.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const PHONE = '13812345678';
const ID = '11010519491231002X';
const NAME = '王小五';

const logLines: string[] = [];
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ log: createLogger('info', { write: (s: string) => void logLines.push(s) }) });
  await h.loginAll(['gl_registrar', 'gl_supervisor', 'gl_leader', 'gl_analyst']);
});
afterAll(async () => {
  await h?.close();
});

type Rows<T> = { rows: T[] };

const otherPhone = () => `1390000${1000 + people}`;

function otherId(): string {
  const first17 = `32010619800101${String(100 + ++people)}`;
  return first17 + idNumberCheckDigit(first17);
}
const rows = async <T>(q: ReturnType<typeof sql>) => ((await h.ctx.db.execute(q)) as unknown as Rows<T>).rows;

/** A petition by someone new each time (the same person and content would be linked as a repeat). */
let people = 0;
async function register(
  content: string,
  petitioner = { name: NAME, idNumber: otherId(), phone: otherPhone() },
) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.as('gl_registrar'),
    payload: { form: 'visit', subject: '拖欠工资请求协调', content, jurisdictionCode: '320106', petitioner },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { caseId: number; caseNumber: string; queryCode: string };
}

describe('logs', () => {
  it('log a failed statement with where it failed, never with its parameters', async () => {
    // The database refuses this content: the INSERT fails with the content among its parameters.
    await h.ctx.db.execute(
      sql`alter table cases add constraint refuse_marked check (content not like '%#refuse#%')`,
    );
    try {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: h.as('gl_registrar'),
        payload: {
          form: 'visit',
          subject: '拖欠工资请求协调',
          content: `#refuse# 本人${NAME}，身份证${ID}，电话${PHONE}，被拖欠工资三个月。`,
          jurisdictionCode: '320106',
          petitioner: { name: NAME, idNumber: ID, phone: PHONE },
        },
      });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('internal_error');
    } finally {
      await h.ctx.db.execute(sql`alter table cases drop constraint refuse_marked`);
    }
    const logged = logLines.filter((l) => l.includes('unhandled error'));
    expect(logged).toHaveLength(1);
    const entry = JSON.parse(logged[0] ?? '{}');
    // Where: the statement (placeholders only), SQLSTATE and constraint of the database's error.
    expect(entry.err.message).toMatch(/^Failed query: insert into "cases"/);
    expect(entry.err.cause).toMatchObject({ code: '23514', constraint: 'refuse_marked' });
    // Not with what: no parameter, no personal data, anywhere in the line.
    const all = logLines.join('\n');
    for (const secret of [PHONE, ID, NAME, '#refuse#', 'params:'])
      expect(all, `log holds ${secret}`).not.toContain(secret);
  });

  it('drop values the database quotes in its own messages and details', async () => {
    const out: string[] = [];
    const log = createLogger('error', { write: (s: string) => void out.push(s) });
    for (const failing of [
      sql`select ${PHONE}::int`, // value "13812345678" is out of range for type integer
      sql`select ${NAME}::int`, // invalid input syntax for type integer: "王小五"
      sql`select * from (values (${ID}), (${ID})) v(x) where (select count(*) from (values (1)) w) = 1 and x::bigint > 0`,
    ]) {
      const err = await h.ctx.db.execute(failing).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      log.error({ err }, 'query failed');
    }
    expect(out).toHaveLength(3);
    const all = out.join('\n');
    for (const secret of [PHONE, ID, ID.slice(0, 17), NAME]) expect(all).not.toContain(secret);
    expect(all).toContain('out of range for type integer');
  });
});

describe('SMS gateway', () => {
  // The gateway check, not the database, is under test: embedded and in memory on either run (a
  // DATABASE_URL here would migrate the server's own database, not a test one).
  const base = () => ({
    ...appConfigFromEnv({ data: 'memory://' }),
    databaseUrl: undefined,
    secret: 'test-secret-0123456789abcdef',
  });
  const silent = createLogger('silent');

  it('outside demo mode, refuses to start without a configured gateway and says what is missing', async () => {
    const started = await boot({ ...base(), demo: false, logLevel: 'silent' }, { log: silent }).then(
      async (ctx) => {
        await shutdown(ctx);
        return null;
      },
      (e: Error) => e,
    );
    expect(started?.message).toMatch(
      /未配置短信网关.*XINFANG_SMS_GATEWAY=http 或 tencent.*XINFANG_SMS_GATEWAY=off/s,
    );
  });

  it('XINFANG_SMS_GATEWAY=off starts and refuses SMS login codes clearly', async () => {
    const config = { ...base(), demo: false, sms: { gateway: 'off' } };
    const { buildApp } = await import('../../src/server/app.ts');
    const ctx = await boot(config, { log: silent });
    try {
      const app = await buildApp(ctx);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sms-code',
        payload: { phone: PHONE },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('sms_disabled');
      await app.close();
    } finally {
      await shutdown(ctx);
    }
  });
});

describe('outbox at rest', () => {
  it('keeps SMS texts encrypted: no code, case number or number readable in the table', async () => {
    const c = await register('被拖欠工资三个月，请求协调解决。');
    await h.settle();
    const sent = h.sms.sent.find((m) => m.body.includes(c.caseNumber));
    expect(sent?.body).toContain(c.queryCode); // the petitioner got the code …
    const table = JSON.stringify(await rows(sql`select * from outbox`));
    for (const secret of [c.queryCode, c.caseNumber, sent?.to ?? '']) expect(table).not.toContain(secret); // … the table has it only encrypted
  });

  it('erases number and text of sent and dead rows after the retention period, keeps pending ones', async () => {
    const c = await register('请求协调解决拖欠工资问题，已多次讨要。');
    await h.settle();
    await h.ctx.db.execute(sql`insert into outbox (channel, idempotency_key, recipient_enc, recipient_masked, template, body_enc, status)
      values ('sms', 'test:pending', ${h.ctx.pii.encrypt(PHONE)}, '138****5678', 'generic', ${h.ctx.pii.encrypt('待发')}, 'pending')`);
    const days = h.ctx.config.outboxRetentionDays;
    // Within the period nothing is touched.
    expect(await purgeOutbox(h.ctx.db, days, new Date(Date.now() + (days - 1) * 86_400_000))).toBe(0);
    const purged = await purgeOutbox(h.ctx.db, days, new Date(Date.now() + (days + 1) * 86_400_000));
    expect(purged).toBeGreaterThan(0);
    const left = await rows<{ status: string; kept: boolean }>(
      sql`select status, (body_enc is not null or recipient_enc is not null or body is not null) as kept from outbox`,
    );
    expect(left.filter((r) => r.kept).map((r) => r.status)).toEqual(['pending']);
    // Staff still see that the notice went out, when and to whom (masked), but not its text.
    const list = (
      await h.app.inject({ url: `/api/v1/cases/${c.caseId}/notifications`, headers: h.as('gl_registrar') })
    ).json().items;
    expect(list[0]).toMatchObject({
      status: 'sent',
      recipient: '139****1002',
      text: '（短信内容已超过保留期限，已清除）',
    });
    await h.ctx.db.execute(sql`delete from outbox where idempotency_key = 'test:pending'`);
  });
});

describe('documents at rest', () => {
  it('store no petitioner name in clear, in the data or the rendered file, and still download it', async () => {
    const c = await register('被拖欠工资三个月，请求协调解决。');
    const accepted = await h.act('gl_registrar', c.caseId, 'accept');
    const doc = accepted.documents[0];
    const res = await h.app.inject({
      url: `/api/v1/cases/${c.caseId}/documents/${doc.id}`,
      headers: h.as('gl_registrar'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [stored] = await rows<{ data: unknown; head: string }>(
      sql`select data, encode(substring(content from 1 for 2), 'escape') as head from case_documents where id = ${doc.id}`,
    );
    expect(JSON.stringify(stored?.data)).not.toContain(NAME);
    expect(stored?.head).not.toBe('PK'); // not the .docx in clear
  });
});

describe('rows written before encryption at rest', () => {
  it('are encrypted once at start, and still read and render the same', async () => {
    const { AT_REST_META_KEY, encryptLegacyPersonalData } = await import('../../src/security/atRest.ts');
    const c = await register('请求协调解决拖欠工资问题，单位拒不支付。');
    const accepted = await h.act('gl_registrar', c.caseId, 'accept');
    const doc = accepted.documents[0];
    const url = `/api/v1/cases/${c.caseId}/documents/${doc.id}`;
    const first = await h.app.inject({ url, headers: h.as('gl_registrar') });
    // Put the rows back as an installation of before wrote them: clear text, clear name, clear .docx.
    await h.ctx.db.execute(
      sql`update outbox set body = 'legacy text 查询码ABCDEF', body_enc = null where case_id = ${c.caseId}`,
    );
    await h.ctx.db.execute(sql`update case_documents
      set data = (data - 'petitionerNameEnc') || jsonb_build_object('petitionerName', ${NAME}::text), content = ${first.rawPayload}
      where id = ${doc.id}`);
    await h.ctx.db.execute(sql`delete from meta where key = ${AT_REST_META_KEY}`);
    expect(await encryptLegacyPersonalData(h.ctx.db, h.ctx.pii, createLogger('silent'))).toBeGreaterThan(1);
    const table = JSON.stringify(
      await rows(sql`select body, body_enc from outbox where case_id = ${c.caseId}`),
    );
    expect(table).not.toContain('legacy text');
    const [stored] = await rows<{ data: unknown; head: string }>(
      sql`select data, encode(substring(content from 1 for 2), 'escape') as head from case_documents where id = ${doc.id}`,
    );
    expect(JSON.stringify(stored?.data)).not.toContain(NAME);
    expect(stored?.head).not.toBe('PK');
    // Nothing changes for readers: the same text, the same bytes.
    const notes = await h.app.inject({
      url: `/api/v1/cases/${c.caseId}/notifications`,
      headers: h.as('gl_registrar'),
    });
    expect(notes.json().items[0].text).toBe('legacy text 查询码ABCDEF');
    const again = await h.app.inject({ url, headers: h.as('gl_registrar') });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    // Once per installation: a second start finds the flag and does nothing.
    expect(await encryptLegacyPersonalData(h.ctx.db, h.ctx.pii, createLogger('silent'))).toBe(0);
  });
});

describe('numbers in free text', () => {
  it('are masked for roles that see the parties masked, in content, timeline and SMS texts', async () => {
    const content = `本人身份证${ID}，电话${PHONE}，被拖欠工资三个月，请求协调。`;
    const c = await register(content, { name: NAME, idNumber: ID, phone: PHONE });
    await h.act('gl_registrar', c.caseId, 'accept');
    await h.act('gl_registrar', c.caseId, 'add_progress', { note: `已回电${PHONE}核实` });
    await h.settle();

    const full = (
      await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as('gl_registrar') })
    ).json();
    expect(full.content).toBe(content);
    for (const who of ['gl_supervisor', 'gl_leader', 'gl_analyst']) {
      const res = await h.app.inject({ url: `/api/v1/cases/${c.caseId}`, headers: h.as(who) });
      expect(res.statusCode, who).toBe(200);
      const body = res.body;
      expect(res.json().parties[0].phone).toBe('138****5678');
      expect(res.json().content).toBe(
        '本人身份证1101**********002X，电话138****5678，被拖欠工资三个月，请求协调。',
      );
      for (const secret of [PHONE, ID]) expect(body, `${who} sees ${secret}`).not.toContain(secret);

      const notes = await h.app.inject({
        url: `/api/v1/cases/${c.caseId}/notifications`,
        headers: h.as(who),
      });
      expect(notes.statusCode).toBe(200);
      expect(notes.body).not.toContain(c.queryCode);
      expect(notes.json().items[0].text).toContain('查询码******');

      const list = await h.app.inject({ url: '/api/v1/cases?q=拖欠工资&pageSize=100', headers: h.as(who) });
      for (const secret of [PHONE, ID]) expect(list.body).not.toContain(secret);
    }
    // Registrars see the texts as sent: they are the ones who call the petitioner back.
    const own = await h.app.inject({
      url: `/api/v1/cases/${c.caseId}/notifications`,
      headers: h.as('gl_registrar'),
    });
    expect(own.body).toContain(c.queryCode);
  });
});
