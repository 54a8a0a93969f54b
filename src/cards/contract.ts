// The rights-card API's answers (权益保障卡; server–web contract, docs/architecture.md). Only zod
// here: the console and the portal import the types with `import type`.
import { z } from 'zod';

export const Entry = z.object({
  stage: z.string(),
  stageName: z.string(),
  at: z.string(),
  unit: z.string(),
  level: z.number(),
  levelName: z.string(),
});
export type Entry = z.infer<typeof Entry>;

export const PublicCard = z.object({
  cardNo: z.string(),
  unit: z.string().meta({ description: '发卡机关' }),
  level: z.number(),
  levelName: z.string(),
  issuedAt: z.string(),
  stateName: z.string(),
  matterLevel: z.number().meta({ description: '事项当前所在层级（1省 2市 3县 4乡镇）' }),
  matterLevelName: z.string(),
  entries: z.array(Entry),
});
export type PublicCard = z.infer<typeof PublicCard>;

export const FullCard = PublicCard.extend({
  id: z.number(),
  holder: z.string().meta({ description: '持卡人（按角色脱敏）' }),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  visits: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      unit: z.string(),
      verdict: z.string(),
      verdictName: z.string(),
      skipped: z.boolean(),
      guidanceIssued: z.boolean(),
    }),
  ),
  qrUrl: z.string().meta({ description: '二维码指向的网址' }),
});
export type FullCard = z.infer<typeof FullCard>;

/** GET /my/cards: the holder's electronic cards. */
export const MyCards = z.object({ items: z.array(FullCard) });
export type MyCards = z.infer<typeof MyCards>;

/** GET /public/cards/{no}: what the card's QR code shows — the public view, or staff's full card. */
export const ScannedCard = z.object({
  view: z.enum(['public', 'full']),
  card: PublicCard,
  full: FullCard.nullable().meta({ description: '本辖区工作人员（已登录）看到的完整卡面' }),
});
export type ScannedCard = z.infer<typeof ScannedCard>;

export const CardRates = z.object({
  issued: z.number().meta({ description: '发卡数' }),
  visitsWithCard: z.number().meta({ description: '凭卡走访次数' }),
  skipped: z.number().meta({ description: '越级走访次数' }),
  skipRate: z.number().nullable().meta({ description: '越级上访率（%）= 越级走访 ÷ 凭卡走访' }),
});
export type CardRates = z.infer<typeof CardRates>;

export const CheckAnswer = z.object({
  visitId: z.number(),
  verdict: z.string(),
  verdictName: z.string(),
  skipped: z.boolean().meta({ description: '越级' }),
  visitLevel: z.number(),
  matterLevel: z.number(),
  rightLevel: z.number(),
  rightUnit: z.string().meta({ description: '有权处理的机关（事项所在层级）' }),
  message: z.string(),
  holder: z.string(),
  card: PublicCard.extend({ caseId: z.number(), caseNumber: z.string() }),
});
export type CheckAnswer = z.infer<typeof CheckAnswer>;

/** GET /cards/visits: the visits the caller's bureau checked (凭卡核验记录), newest first. */
export const CheckedVisit = z.object({
  id: z.number(),
  at: z.string(),
  cardNo: z.string(),
  holder: z.string().meta({ description: '持卡人（按角色脱敏）' }),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  verdict: z.string(),
  verdictName: z.string(),
  skipped: z.boolean(),
  rightLevelName: z.string().meta({ description: '事项所在层级（有权处理的层级）' }),
  guidanceIssued: z.boolean().meta({ description: '已出具引导告知书' }),
  checkedBy: z.string(),
});
export type CheckedVisit = z.infer<typeof CheckedVisit>;
