// The WeChat API's answer about the service (微信信访: open or not, the signed-in citizen's link;
// server–web contract, docs/architecture.md). Only zod here: the portal imports the type with
// `import type`.
import { z } from 'zod';

/** GET /wechat/status. */
export const WechatStatus = z.object({
  enabled: z.boolean().meta({ description: '本平台是否开通微信信访' }),
  link: z
    .object({ linked: z.boolean(), following: z.boolean(), linkedAt: z.string().nullable() })
    .nullable()
    .meta({ description: '已登录信访人的微信绑定；未登录（或非信访人）为 null' }),
});
export type WechatStatus = z.infer<typeof WechatStatus>;
