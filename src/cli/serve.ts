import type { Command } from 'commander';
import { recordAudit } from '../audit/chain.ts';
import { appConfigFromEnv } from '../config/index.ts';
import type { AppContext } from '../context.ts';
import { ROLE_NAMES } from '../domain/roles.ts';
import { exchangeDeliveryLoop } from '../exchange/deliverer.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { seedAssessment } from '../seed/assessment.ts';
import { seedBacklog } from '../seed/backlog.ts';
import { seedCampaigns } from '../seed/campaigns.ts';
import { seedCases } from '../seed/cases.ts';
import { DEMO_CITIZEN, demoAccounts } from '../seed/demo.ts';
import { seedDispatch } from '../seed/dispatch.ts';
import { seedFlags } from '../seed/flags.ts';
import { seedInbox } from '../seed/inbox.ts';
import { seedIntake } from '../seed/intake.ts';
import { seedInterop } from '../seed/interop.ts';
import { seedLinkage } from '../seed/linkage.ts';
import { seedMediation } from '../seed/mediation.ts';
import { seedReceptions } from '../seed/receptions.ts';
import { seedSupervision } from '../seed/supervision.ts';
import { seedVideoHall } from '../seed/videoHall.ts';
import { buildApp } from '../server/app.ts';
import { boot, shutdown } from '../server/boot.ts';
import { WEB_MISSING_MESSAGE, webBuilt } from '../server/web.ts';
import { runWarningScan } from '../warnings/scan.ts';
import { webhookDeliveryLoop } from '../webhooks/deliverer.ts';
import { dataOption } from './options.ts';
import { createProgress } from './progress.ts';

async function seedDemoCases(ctx: AppContext, count: number): Promise<void> {
  const progress = createProgress('演示数据 demo cases', count);
  const n = await seedCases(ctx.db, ctx.pii, { count, seed: 1, onProgress: (k) => progress.increment(k) });
  progress.stop();
  await ctx.db.transaction((tx) =>
    recordAudit(tx, { action: 'seed.cases', entity: 'installation', summary: { count: n, seed: 1 } }),
  );
  await runWarningScan(ctx, new Date());
  await seedBacklog(ctx, { seed: 1 }); // 积案: identified and resolved matters, candidates
  await seedCampaigns(ctx, { seed: 1 }); // 专项行动 and 重点工作项目
  await seedDispatch(ctx); // 周调度: last week's meeting and its decisions
  await seedSupervision(ctx); // 督查督办: an escalated, a fed-back and a closed order
  await seedAssessment(ctx); // 责任落实: letters, last month's 通报, a 约谈 linked to its order
  await seedReceptions(ctx); // 领导接访: past receptions with records, coming ones; rights cards
  await seedVideoHall(ctx); // 视频接访 booked and held, the hall's queue today, lawyers on duty
  await seedMediation(ctx); // 访调对接 and 专家库: bodies, referrals with outcomes, experts' opinions
  await seedLinkage(ctx); // 部门联动: referrals, 信访救助, 跨省协作, 三无 evaluations
  await seedFlags(ctx); // 事项标识: flagged matters and a 重大紧急 report to the city
  await seedIntake(ctx); // 登记分类: online petitions with suggestions 待确认, one confirmed, one changed
  await seedInterop(ctx); // 接口密钥 and 事件推送: two keys, a paused subscription with dead letters
  await seedInbox(ctx); // 站内消息 for the demo handler and reviewer, 常用语 of 鼓楼区住建局 and 信访局
}

/** The SMS line of the start banner: where texts go, said plainly when they go nowhere. */
function smsStatus(gateway: string): string {
  if (gateway === 'off')
    return '已关闭（XINFANG_SMS_GATEWAY=off）：不发送任何短信，短信验证码登录不可用 / disabled';
  if (gateway === 'console')
    return '演示模式：不发送，短信全文打印在日志中 / demo: printed to the log, not sent';
  return `${gateway} 网关 / gateway`;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动平台 / start the platform (npm start)')
    .option('-p, --port <port>', '端口 / port', (v) => Number(v), 3000)
    .option('--host <host>', '监听地址 / listen address', '127.0.0.1')
    .addOption(dataOption())
    .option('--demo', '启用演示模式（PostgreSQL 上默认关闭）/ enable demo mode')
    .option('--no-demo', '关闭演示模式 / disable demo mode')
    .addHelpText(
      'after',
      `
示例:
  $ npx xinfang serve
  $ npx xinfang serve --port 8080 --no-demo
  $ DATABASE_URL=postgres://... XINFANG_SECRET=... npx xinfang serve --demo`,
    )
    .action(async (opts: { port: number; host: string; data: string; demo?: boolean }) => {
      if (!webBuilt()) {
        process.stderr.write(`${WEB_MISSING_MESSAGE}\n`);
        process.exit(1);
      }
      const config = appConfigFromEnv({ data: opts.data, port: opts.port, host: opts.host, demo: opts.demo });
      const ctx = await boot(config);
      // First start in demo mode: some history, so the workbench, dashboards and screen have content.
      if (ctx.seededDemo && config.demoCases > 0) await seedDemoCases(ctx, config.demoCases);
      const app = await buildApp(ctx);
      await app.listen({ port: config.port, host: config.host });
      ctx.dispatcher.start();
      const webhooks = webhookDeliveryLoop(ctx); // 事件推送: due deliveries every 2 s
      webhooks.start();
      const exchange = exchangeDeliveryLoop(ctx); // 平台间交换: due messages every 2 s
      exchange.start();
      ctx.auditSealer.start();
      ctx.disk?.start();
      ctx.statistics?.start();
      const scheduler = startScheduler(ctx);
      const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
      const lines = [
        '',
        `阳光信访平台已启动 / xinfang is running: ${url}`,
        `  数据库 / database: ${ctx.database.kind === 'pglite' ? `PGlite（嵌入式，${config.dataDir}；仅供单个办公室使用，生产请用 PostgreSQL）` : 'PostgreSQL'}`,
        `  接口文档 / API docs: ${url}/api/docs`,
        `  短信 / SMS: ${smsStatus(config.sms.gateway ?? 'console')}`,
      ];
      if (config.demo) {
        lines.push(`  演示账号 / demo accounts (密码 password: ${config.demoPassword})：`);
        for (const a of demoAccounts()) {
          const who =
            a.role === 'citizen' ? `${DEMO_CITIZEN.phone}（信访人，手机号+密码或短信验证码）` : a.username;
          lines.push(`    ${ROLE_NAMES[a.role].padEnd(4, '　')} ${a.jurisdictionCode ?? '      '}  ${who}`);
        }
      }
      process.stdout.write(`${lines.join('\n')}\n\n`);
      const stop = async () => {
        await scheduler.stop();
        await webhooks.stop();
        await exchange.stop();
        await app.close();
        await shutdown(ctx);
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
