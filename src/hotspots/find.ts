// findHotspots: the clusters of src/hotspots/cluster.ts over the cases of a jurisdiction's subtree
// received in a window, with growth against the previous window of the same length. Both windows
// are clustered together, so a problem raised last month and again this month is one cluster whose
// members are counted per window. Work is bounded: at most `maxCases` newest cases per window are
// read (the response says when the cap was hit). Each case's features are segmented once and kept
// in `hotspot_terms`; later queries read them instead of the text (jieba was a third of the time).
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { receivedWithin } from '../cases/received.ts';
import { cutWords } from '../classify/features.ts';
import type { Executor } from '../db/client.ts';
import { cases, hotspotTerms, jurisdictions } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { placeNamePattern, type SubjectLine, sharedSubject } from '../domain/hotspotSubject.ts';
import { chainOf, levelOf } from '../domain/jurisdictions.ts';
import { clusterMessages, type HotspotMessage, hotspotFeatures, hotspotScore } from './cluster.ts';
import type { Hotspot, HotspotResult } from './contract.ts';

export const MAX_CASES_PER_WINDOW = 20_000;
const DAY_MS = 86_400_000;

export type { Hotspot, HotspotMergeEvidence, HotspotResult } from './contract.ts';

/** 'YYYY-MM-DD' in Asia/Shanghai (UTC+8, no daylight saving) → the instant that day starts. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

async function windowCases(db: Executor, scopeCode: string, start: Date, end: Date, cap: number) {
  // The petitioner's identity for "distinct petitioners": a hash, never the personal data itself.
  // `cases.id` written out: an interpolated column renders unqualified here and would bind to `p`.
  const petitioner = sql<string | null>`(select coalesce(p.id_number_hash, p.phone_hash) from case_parties p
    where p.case_id = cases.id and p.role = 'petitioner' order by p.id limit 1)`;
  return db
    .select({
      id: cases.id,
      jurisdictionCode: cases.jurisdictionCode,
      petitionerUserId: cases.petitionerUserId,
      petitioner,
      receivedAt: cases.receivedAt,
      terms: hotspotTerms.terms,
    })
    .from(cases)
    .leftJoin(hotspotTerms, eq(hotspotTerms.caseId, cases.id))
    .where(
      and(like(cases.jurisdictionCode, `${scopeCode.replace(/(00)+$/, '')}%`), receivedWithin(start, end)),
    )
    .orderBy(sql`${cases.receivedAt} desc`)
    .limit(cap);
}

/** Rows per INSERT when storing features (2 parameters each, well under the protocol's limit). */
const STORE_CHUNK = 1_000;
/**
 * Version of `hotspotFeatures`, stored as the first token of `hotspot_terms.terms`: features of an
 * older version (or none) are computed again and replaced, so a change to the features needs no
 * migration. 2: matters (m:), names (n:), admin characters glued by jieba dropped (issue 21).
 * 3: the subject line's words (s:), read by the topic merge.
 */
export const HOTSPOT_FEATURES_VERSION = 'v3';

/**
 * Features of the cases read, segmenting (and storing) those not segmented before, or segmented
 * by an older `hotspotFeatures`: cases registered since the last query, or all of them on the
 * first query after an upgrade.
 */
async function featuresOf(
  db: Executor,
  rows: readonly { id: number; terms: string | null }[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const missing: number[] = [];
  const v = HOTSPOT_FEATURES_VERSION;
  for (const r of rows) {
    if (r.terms === v) out.set(r.id, []);
    else if (r.terms?.startsWith(`${v} `)) out.set(r.id, r.terms.slice(v.length + 1).split(' '));
    else missing.push(r.id);
  }
  for (let k = 0; k < missing.length; k += STORE_CHUNK) {
    const texts = await db
      .select({ id: cases.id, subject: cases.subject, content: cases.content })
      .from(cases)
      .where(inArray(cases.id, missing.slice(k, k + STORE_CHUNK)));
    const values = texts.map((c) => {
      // Subject and content both: the subject often carries the estate's name.
      const features = hotspotFeatures(`${c.subject}。${c.content}`, c.subject);
      out.set(c.id, features);
      return { caseId: c.id, terms: [HOTSPOT_FEATURES_VERSION, ...features].join(' ') };
    });
    if (values.length > 0)
      await db
        .insert(hotspotTerms)
        .values(values)
        .onConflictDoUpdate({ target: hotspotTerms.caseId, set: { terms: sql`excluded.terms` } });
  }
  return out;
}

/** Counts of `times` per day, week or 30 days of the window [start, end). */
function trend(start: Date, end: Date): (times: readonly Date[]) => Hotspot['trend'] {
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  const [unit, step]: [Hotspot['trend']['unit'], number] =
    days <= 31 ? ['day', 1] : days <= 182 ? ['week', 7] : ['month', 30];
  const periods = Math.ceil(days / step);
  return (times) => {
    const counts = new Array<number>(periods).fill(0);
    for (const t of times) {
      const k = Math.floor((t.getTime() - start.getTime()) / (step * DAY_MS));
      if (k >= 0 && k < periods) counts[k] = (counts[k] as number) + 1;
    }
    return { unit, counts };
  };
}

/** The 街道/乡镇 of a hotspot's cases in the window, most cases first (ties by code). */
function streetsOf(ids: number[], townOf: Map<number, string>, names: Map<string, string>) {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const town = townOf.get(id);
    if (town) counts.set(town, (counts.get(town) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => ({ code, name: names.get(code) ?? code, count }));
}

/** Subject lines read per hotspot to name it: the newest, enough to see what most of them share. */
const SUBJECT_LINES = 60;

/** Each hotspot's `subject`, from the subject lines of its newest matters (one query for all). */
async function nameSubjects(
  db: Executor,
  items: Hotspot[],
  byId: ReadonlyMap<number | string, HotspotMessage>,
  placeName: RegExp | null,
): Promise<void> {
  const ids = items.flatMap((h) => h.caseIds.slice(0, SUBJECT_LINES));
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: cases.id, subject: cases.subject })
    .from(cases)
    .where(inArray(cases.id, ids));
  const subjectOf = new Map(rows.map((r) => [r.id, r.subject]));
  for (const h of items) {
    const lines: SubjectLine[] = h.caseIds.slice(0, SUBJECT_LINES).flatMap((id) => {
      const text = subjectOf.get(id);
      return text ? [{ text, petitioner: byId.get(id)?.petitioner ?? `#${id}` }] : [];
    });
    h.subject = sharedSubject(lines, { placeName, cut: cutWords });
  }
}

export async function findHotspots(
  db: Executor,
  opts: { from: string; to: string; scopeCode: string; limit?: number; maxCases?: number },
): Promise<HotspotResult> {
  const cap = opts.maxCases ?? MAX_CASES_PER_WINDOW;
  const start = dayStart(opts.from);
  const end = new Date(dayStart(opts.to).getTime() + DAY_MS);
  const length = end.getTime() - start.getTime();
  const prevStart = new Date(start.getTime() - length);
  const [current, previous] = await Promise.all([
    windowCases(db, opts.scopeCode, start, end, cap),
    windowCases(db, opts.scopeCode, prevStart, start, cap),
  ]);
  const features = await featuresOf(db, [...current, ...previous]);
  const messages: HotspotMessage[] = [...current, ...previous].map((c) => ({
    id: c.id,
    features: features.get(c.id) ?? [],
    place: c.jurisdictionCode.slice(0, 6),
    petitioner: c.petitioner ?? (c.petitionerUserId != null ? `u${c.petitionerUserId}` : undefined),
    at: c.receivedAt,
  }));
  // The counties' names, and their cities' and province's: a matter asked about from two counties
  // is their city's (src/hotspots/problems.ts), a code no case of the window need have.
  // …and the 街道/乡镇 the window's cases were coded at, for the breakdown by street.
  const townOf = new Map(
    current.filter((c) => levelOf(c.jurisdictionCode) === 4).map((c) => [c.id, c.jurisdictionCode]),
  );
  const codes = [...new Set([...messages.flatMap((m) => chainOf(m.place as string)), ...townOf.values()])];
  const names = new Map(
    codes.length === 0
      ? []
      : (
          await db
            .select({ code: jurisdictions.code, name: jurisdictions.name })
            .from(jurisdictions)
            .where(inArray(jurisdictions.code, codes))
        ).map((j) => [j.code, j.name]),
  );
  const inCurrent = new Set(current.map((c) => c.id));
  const byId = new Map(messages.map((m) => [m.id, m]));
  const trendOf = trend(start, end);
  const items: Hotspot[] = [];
  for (const c of clusterMessages(messages, { placeName: (code) => names.get(code) ?? code })) {
    const now = c.ids.filter((id) => inCurrent.has(id as number)) as number[];
    if (now.length < 2) continue;
    const times = now.map((id) => (byId.get(id) as HotspotMessage).at);
    const prev = c.size - now.length;
    const petitioners = new Set(now.map((id) => byId.get(id)?.petitioner ?? `#${id}`)).size;
    const growth = Math.round(((now.length - prev) / Math.max(prev, 1)) * 100) / 100;
    const code = c.place as string;
    items.push({
      label: c.label,
      place: { code, name: names.get(code) ?? code },
      finePlace: c.finePlace ?? null,
      topWords: c.topWords,
      subject: null,
      size: now.length,
      petitioners,
      previous: prev,
      growth,
      score: Math.round(hotspotScore(now.length, petitioners, growth) * 100) / 100,
      caseIds: now.slice(-200).reverse(),
      firstDate: shanghaiDate(times[0] as Date),
      lastDate: shanghaiDate(times[times.length - 1] as Date),
      trend: trendOf(times),
      streets: streetsOf(now, townOf, names),
      merges: c.merges
        .map((m) => ({
          reason: m.reason,
          place: m.place ?? null,
          shared: m.shared,
          similarity: m.similarity,
          caseIds: (m.ids as number[])
            .filter((id) => inCurrent.has(id))
            .slice(-50)
            .reverse(),
        }))
        .filter((m) => m.caseIds.length > 0),
    });
  }
  items.sort((a, b) => b.score - a.score || b.size - a.size);
  const top = items.slice(0, opts.limit ?? 20);
  await nameSubjects(db, top, byId, placeNamePattern(names.values()));
  return {
    from: opts.from,
    to: opts.to,
    items: top,
    computedAt: new Date().toISOString(),
    read: {
      current: current.length,
      previous: previous.length,
      cap,
      truncated: current.length >= cap || previous.length >= cap,
    },
  };
}
