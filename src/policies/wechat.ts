// 微信信访: who may link a WeChat to an account. Only a citizen signed in to their own account
// (the account exists only after its mobile number was verified by SMS code, src/auth/commands.ts),
// never through a query code (no account) or a machine key, and never staff: a staff account's
// notices are not sent by the official account.
import type { Actor } from './actor.ts';

export const wechatPolicy = {
  link: (a: Actor): boolean =>
    a.role === 'citizen' && a.userId > 0 && a.queryCodeCaseId === undefined && a.apiKey === undefined,
};
