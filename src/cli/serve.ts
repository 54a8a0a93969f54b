import cluster from 'node:cluster';
import type { Command } from 'commander';
import { appConfigFromEnv } from '../config/index.ts';
import type { AppContext } from '../context.ts';
import { ROLE_NAMES } from '../domain/roles.ts';
import { exchangeDeliveryLoop } from '../exchange/deliverer.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { DEMO_CITIZEN, demoAccounts } from '../seed/demo.ts';
import { seedDemoData } from '../seed/demoData.ts';
import { buildApp } from '../server/app.ts';
import { boot, shutdown } from '../server/boot.ts';
import { defaultWorkers, runPrimary, workerNumber, workersProblem } from '../server/cluster.ts';
import { WEB_MISSING_MESSAGE, webBuilt } from '../server/web.ts';
import { webhookDeliveryLoop } from '../webhooks/deliverer.ts';
import { dataOption } from './options.ts';
import { createProgress } from './progress.ts';

/** First start in demo mode: the demo's data (src/seed/demoData.ts), with progress and its duration. */
async function seedDemoFirstStart(ctx: AppContext, count: number): Promise<void> {
  const t0 = performance.now();
  process.stderr.write('首次启动：正在生成演示数据 / first start: loading the demo data…\n');
  const progress = createProgress('演示数据 demo cases', count);
  let cases = true;
  await seedDemoData(ctx, {
    cases: count,
    seed: 1,
    onProgress: (k) => progress.increment(k),
    say: (line) => {
      if (cases) progress.stop();
      cases = false;
      process.stderr.write(`  ${line}\n`);
    },
  });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  process.stderr.write(`演示数据已生成，用时 ${secs} 秒 / demo data loaded in ${secs} s\n`);
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
    .option(
      '--workers <n>',
      '工作进程数，默认：PostgreSQL 生产环境为 CPU 核数，演示模式和嵌入式数据库为 1 / API worker processes (default: the core count on PostgreSQL without demo, else 1)',
      (v) => Number(v),
    )
    .addHelpText(
      'after',
      `
示例:
  $ npx xinfang serve
  $ npx xinfang serve --port 8080 --no-demo
  $ DATABASE_URL=postgres://... XINFANG_SECRET=... npx xinfang serve --demo
  $ DATABASE_URL=postgres://... XINFANG_SECRET=... npx xinfang serve --workers 4`,
    )
    .action(async (opts: { port: number; host: string; data: string; demo?: boolean; workers?: number }) => {
      if (!webBuilt()) {
        process.stderr.write(`${WEB_MISSING_MESSAGE}\n`);
        process.exit(1);
      }
      const config = appConfigFromEnv({ data: opts.data, port: opts.port, host: opts.host, demo: opts.demo });
      const postgres = Boolean(config.databaseUrl);
      const workers = opts.workers ?? defaultWorkers({ postgres, demo: config.demo });
      const problem = workersProblem(workers, { postgres });
      if (problem) throw new Error(problem);
      // The primary forks and supervises; each worker runs everything below (src/server/cluster.ts).
      if (cluster.isPrimary && workers > 1) return runPrimary(workers);
      const worker = workerNumber();
      const ctx = await boot(config);
      // First start in demo mode: some history, so the workbench, dashboards and screen have content.
      if (ctx.seededDemo && config.demoCases > 0) await seedDemoFirstStart(ctx, config.demoCases);
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
      if (workers > 1)
        lines.splice(2, 0, `  工作进程 / workers: ${workers}（主进程 / primary ${process.ppid}）`);
      // One banner for the cluster; the other workers say one line each.
      if (worker === undefined || worker === 1) process.stdout.write(`${lines.join('\n')}\n\n`);
      else
        process.stdout.write(`工作进程 ${worker} 已启动 / worker ${worker} listening (pid ${process.pid})\n`);
      let stopping = false;
      const stop = async () => {
        // SIGINT from the terminal reaches the workers and the primary, which then sends SIGTERM.
        if (stopping) return;
        stopping = true;
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
