// 微信信访 at start: the API client when XINFANG_WECHAT_APP_ID/SECRET are set, and the dispatcher's
// route for outbox rows of channel 'wechat'. Off (undefined) without them: no WeChat sign-in, no
// template messages, every notice by SMS.
import type { Logger } from 'pino';
import type { WechatConfig } from '../config/index.ts';
import type { Db } from '../db/client.ts';
import type { Dispatcher } from '../notify/dispatcher.ts';
import type { Pii } from '../security/pii.ts';
import { WechatApi } from './client.ts';
import { wechatSink } from './sink.ts';

export function startWechat(
  config: WechatConfig | undefined,
  deps: { db: Db; pii: Pii; dispatcher: Dispatcher; log: Logger },
): WechatApi | undefined {
  if (!config) return undefined;
  const api = new WechatApi(config, { log: deps.log });
  deps.dispatcher.route(
    'wechat',
    wechatSink({ db: deps.db, pii: deps.pii, api, log: deps.log, kick: () => deps.dispatcher.kick() }),
  );
  deps.log.info(
    { wechat: { appId: config.appId, apiBase: config.apiBase, templates: !!config.templateId } },
    config.templateId
      ? '微信信访：公众号登录与模板消息已启用'
      : '微信信访：公众号登录已启用（未配置模板，通知仍发短信）',
  );
  return api;
}
