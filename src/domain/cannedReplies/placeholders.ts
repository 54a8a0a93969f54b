// 常用语: what a canned text is for, and its placeholders. A placeholder is a name in braces,
// `{信访件编号}`; the server fills them from the case when a staff member inserts the text
// (src/cannedReplies/render.ts), the petitioner's name masked unless the user may see it in full.
// A name not in this table is refused when the text is saved (400), so it never reaches a reply.
// Dependency-free on purpose: the browser imports this file.

/** What a canned text is for, and which action forms offer it (action → its text fields). */
export const PURPOSES = {
  reply: {
    label: '答复意见',
    fields: {
      reply: ['request', 'facts', 'reasons', 'decision'],
      decide_review: ['decision'],
      decide_rereview: ['decision'],
    },
  },
  note: { label: '办理进展', fields: { add_progress: ['note'] } },
} as const satisfies Record<string, { label: string; fields: Record<string, readonly string[]> }>;

export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_NAMES = Object.keys(PURPOSES) as [Purpose, ...Purpose[]];

/** The purpose whose canned texts an action's field offers, if any. */
export function purposeFor(action: string, field: string): Purpose | null {
  for (const p of PURPOSE_NAMES) {
    const fields = (PURPOSES[p].fields as Record<string, readonly string[]>)[action];
    if (fields && Object.hasOwn(PURPOSES[p].fields, action) && fields.includes(field)) return p;
  }
  return null;
}

export const PLACEHOLDERS = {
  信访人称呼: '信访人姓名（无权查看完整信息的角色看到脱敏姓名，如“张**”）；匿名信访为“信访人”',
  信访件编号: '信访件编号',
  信访事项: '信访事项的标题',
  登记日期: '收到（登记）日期',
  受理日期: '受理日期；尚未受理为空',
  办理单位: '承办（当前办理）单位的名称',
  办结期限: '办理期限届满日；无期限为空',
  今天: '生成文字当天的日期',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

const PATTERN = /\{([^{}\n]{1,30})\}/g;

/** The placeholder names used in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1] as string))];
}

/** Names in braces that are not placeholders. */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((n) => !Object.hasOwn(PLACEHOLDERS, n));
}

/** The text with every known placeholder replaced by its value (unknown ones are left as written). */
export function fillPlaceholders(text: string, values: Record<PlaceholderName, string>): string {
  return text.replace(PATTERN, (m, name: string) =>
    Object.hasOwn(PLACEHOLDERS, name) ? values[name as PlaceholderName] : m,
  );
}
