// The classification of a matter at intake: the classifier's suggestion is advice until a person
// decides. What a decision is called, and how it reads on the timeline and in the statistics.

export const CLASSIFICATION_STATUSES = ['pending', 'confirmed', 'changed', 'given'] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];

export const CLASSIFICATION_STATUS_NAMES: Record<ClassificationStatus, string> = {
  pending: '待确认',
  confirmed: '已确认（采用建议）',
  changed: '已更改',
  given: '登记时已填写',
};

/** Timeline events of a decision on the category (internal: the petitioner does not see them). */
export const CATEGORY_EVENTS = {
  confirmed: { event: 'category_confirmed', label: '确认内容分类' },
  changed: { event: 'category_changed', label: '更改内容分类' },
  /** 细分类: a second or third level chosen (or cleared) below the category (src/intake/subcategory.ts). */
  subcategory: { event: 'subcategory_set', label: '选择细分类' },
} as const;

export const CATEGORY_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(CATEGORY_EVENTS).map((e) => [e.event, e.label]),
);

/**
 * The statistics count a matter under its category only once a person gave or confirmed it; an
 * unconfirmed suggestion is not counted as that category (it shows as 待确认).
 */
export const UNCONFIRMED_CATEGORY_LABEL = '待确认';

/**
 * What choosing `code` on a matter is: confirming the suggestion when it is the suggested code,
 * else a change (also when there was no suggestion, or the matter already had another category).
 */
export function categoryDecision(
  suggestedCode: string | null | undefined,
  code: string,
): 'confirmed' | 'changed' {
  return suggestedCode === code ? 'confirmed' : 'changed';
}

/**
 * The confidence below which the suggestion is flagged as uncertain on the desk (the registrar
 * should read the text rather than accept in one click).
 */
export const LOW_CONFIDENCE = 0.5;
