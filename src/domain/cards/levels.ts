// 权益保障卡: 初次走访领卡、逐级走访凭卡、处理结果记卡、保障权益用卡. The steps of a matter written on
// the card (受理、办理、答复、复查、复核), from which case events, as one table; the level a matter
// sits at; and the verdict on a visit made with a card (越级 or not) — pure functions.

/** What is written on the card. */
export const CARD_STAGES = ['accept', 'handle', 'answer', 'review', 'rereview'] as const;
export type CardStage = (typeof CARD_STAGES)[number];

export const CARD_STAGE_NAMES: Record<CardStage, string> = {
  accept: '受理',
  handle: '办理',
  answer: '答复',
  review: '复查',
  rereview: '复核',
};

/** Which case actions write which stage on the card (the rest are not written). */
export const STAGE_OF_ACTION: Readonly<Record<string, CardStage>> = {
  accept: 'accept',
  forward: 'handle',
  assign: 'handle',
  reply: 'answer',
  decide_review: 'review',
  decide_rereview: 'rereview',
};

export interface CardEntry {
  stage: CardStage;
  /** ISO time. */
  at: string;
  unitId: number | null;
  unit: string;
  /** The jurisdiction level of the unit that took the step (1 省 … 4 乡镇). */
  level: number;
}

/**
 * The level the card's matter sits at: the level of its latest 复查 or 复核 (the matter moved up for
 * review), else the card's own level (where it was first visited and is handled).
 */
export function matterLevel(cardLevel: number, entries: readonly CardEntry[]): number {
  let level = cardLevel;
  for (const e of entries)
    if (e.stage === 'review' || e.stage === 'rereview') level = Math.min(level, e.level);
  return level;
}

export const VISIT_VERDICTS = ['same_level', 'next_level', 'skipped', 'lower_level'] as const;
export type VisitVerdict = (typeof VISIT_VERDICTS)[number];

export const VERDICT_NAMES: Record<VisitVerdict, string> = {
  same_level: '本级走访',
  next_level: '向上一级走访',
  skipped: '越级走访',
  lower_level: '向下级走访',
};

/**
 * A visit at `visitLevel` with a card whose matter sits at `matterLevel` (lower numbers are higher
 * levels): two or more levels above is 越级 (the visitor is guided back to `rightLevel`).
 */
export function visitVerdict(
  matterLevelNow: number,
  visitLevel: number,
): { verdict: VisitVerdict; skipped: boolean; levelsAbove: number; rightLevel: number } {
  const levelsAbove = matterLevelNow - visitLevel;
  const verdict: VisitVerdict =
    levelsAbove >= 2
      ? 'skipped'
      : levelsAbove === 1
        ? 'next_level'
        : levelsAbove === 0
          ? 'same_level'
          : 'lower_level';
  // The right level is the matter's, or the one just above it (for 复查/复核).
  return { verdict, skipped: verdict === 'skipped', levelsAbove, rightLevel: matterLevelNow };
}

/** 卡号: QB<the issuing jurisdiction's code>-<year>-<sequence, 6 digits>. */
export const cardNumber = (jurisdictionCode: string, year: number, seq: number): string =>
  `QB${jurisdictionCode}-${year}-${String(seq).padStart(6, '0')}`;

/** A typed or scanned card number, normalised (upper case, no spaces); scanning gives the URL. */
export function normaliseCardNo(raw: string): string {
  const t = raw.trim();
  const fromUrl = /\/card\/([A-Za-z0-9-]+)/.exec(t);
  return (fromUrl?.[1] ?? t).replace(/\s+/g, '').toUpperCase();
}

/** 越级上访率 (%, one decimal): 越级 visits among the visits made with a card; null with none. */
export const skipRate = (visits: number, skipped: number): number | null =>
  visits === 0 ? null : Math.round((skipped / visits) * 1000) / 10;
