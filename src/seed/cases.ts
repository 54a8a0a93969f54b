// Synthetic petitions for demos, tests and benchmarks: `xinfang seed --cases N --seed S`.
// Cases across every county-level jurisdiction of Jiangsu (weighted by city population), all forms,
// purposes and content categories, received over the 24 months up to `now` with a seasonal pattern,
// each with its whole lifecycle so far (timeline.ts): state, clocks, due date, units, outcome,
// ratings, a petitioner (encrypted) and the timeline. Same seed and `now` → same data.
// Rows go in as multi-row INSERTs of JSON record sets (one parameter per statement), 1,000 cases
// per transaction; case numbers are computed in memory, above both case_counters and the numbers
// the intake sequences handed out (src/cases/numbering.ts); at the end case_counters and existing
// sequences are moved forward, so later registrations continue after the seeded numbers. Not
// meant to run while the platform registers cases (the numbers are chosen in memory).

import { type SQL, sql } from 'drizzle-orm';
import { rollupCases } from '../analytics/rollup.ts';
import { caseSequenceLasts, raiseCaseSequences } from '../cases/numbering.ts';
import type { Db } from '../db/client.ts';
import { caseCounters } from '../db/schema.ts';
import { keepStatistics } from '../db/statistics.ts';
import { type NamedEntry, suggestSubcategory } from '../domain/admin/categories.ts';
import { FORMS } from '../domain/lifecycle/vocabulary.ts';
import { type Signature, signatureOf } from '../duplicates/minhash.ts';
import { writeSignatures } from '../duplicates/store.ts';
import { caseSearchTokens } from '../search/tokenize.ts';
import type { Pii } from '../security/pii.ts';
import {
  CATEGORY_WEIGHTS,
  CITY_WEIGHTS,
  FORM_WEIGHTS,
  MONTH_WEIGHTS,
  PURPOSE_WEIGHTS,
  WEEKEND_FACTOR,
  weighted,
} from './catalog.ts';
import { type County, loadCounties } from './counties.ts';
import { identityPool } from './identities.ts';
import { createRng, type Rng } from './random.ts';
import { petitionText } from './templates.ts';
import { simulate } from './timeline.ts';

export interface SeedCasesOptions {
  count: number;
  seed: number;
  /** The end of the 24-month window (default: the current time). */
  now?: Date;
  /** Called after each batch with the number of cases it inserted. */
  onProgress?: (n: number) => void;
  /**
   * Where (default: every county, by its city's population): counties whose code starts with a key,
   * each with that key's weight (the longest matching key counts; weight 0 leaves a county out).
   */
  places?: Readonly<Record<string, number>>;
  /** When: this share of the receipts falls in the last `days` days (a bureau's current workload). */
  recent?: { share: number; days: number };
  /** Share of replies its departments write in the last days before the handling limit (default 0). */
  lastMinute?: number;
  /**
   * Code each matter at the town (乡镇、街道) its text names, as a registrar records where the problem
   * is, rather than at the county; the county's bureau and departments still handle it (towns have no
   * units of their own here). Off by default: the benchmarks and most tests keep county codes.
   */
  townLevel?: boolean;
  /** Badly late steps wait for ever (default) or are decided months late (the demo): timeline.ts. */
  stuck?: 'forever' | 'months';
  /** Leaves the planner statistics for the caller to refresh after several calls. */
  skipStatistics?: boolean;
  /**
   * The 二、三级分类 dictionary: a matter whose text names one of its category's entries is given it as
   * its 细分类, as the registrar would from the form's suggestion (the demo). None by default.
   */
  subcategories?: readonly NamedEntry[];
}

const BATCH = 1000;
const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
const IDENTITY_POOL = 2000;

/**
 * Receipt instants, sorted, with the form of each (packed as seconds·8 + form index so one numeric
 * sort orders both): more in March–April and July–August, fewer on weekends for offline forms.
 */
function receipts(rng: Rng, count: number, now: number, recent?: SeedCasesOptions['recent']): Float64Array {
  const out = new Float64Array(count);
  const start = now - 730 * DAY;
  const maxMonth = Math.max(...MONTH_WEIGHTS);
  for (let n = 0; n < count; ) {
    const form = weighted(rng, FORM_WEIGHTS);
    const day = recent && rng.chance(recent.share) ? 730 - rng.int(0, recent.days) : rng.int(0, 730);
    const dayStart = Math.floor((start + SHANGHAI) / DAY + day) * DAY - SHANGHAI;
    const local = new Date(dayStart + SHANGHAI);
    const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
    const w = ((MONTH_WEIGHTS[local.getUTCMonth()] ?? 1) / maxMonth) * (weekend ? WEEKEND_FACTOR[form] : 1);
    if (!rng.chance(w)) continue;
    const hours = form === 'online' || form === 'mailbox' ? 7 + rng.next() * 16 : 8.5 + rng.next() * 9;
    const at = dayStart + Math.floor(hours * 3600) * 1000;
    if (at > now || at < start) continue;
    out[n++] = Math.floor((at - start) / 1000) * 8 + FORMS.indexOf(form);
  }
  return out.sort();
}

/** Counties with their weight under `places` (the longest matching code prefix), weight 0 left out. */
function placeWeights(counties: County[], places: Readonly<Record<string, number>>): [County, number][] {
  const keys = Object.keys(places).sort((a, b) => b.length - a.length);
  const out: [County, number][] = [];
  for (const c of counties) {
    const key = keys.find((k) => c.code.startsWith(k));
    const w = key === undefined ? 0 : (places[key] ?? 0);
    if (w > 0) out.push([c, w]);
  }
  return out;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** INSERT … SELECT FROM json_to_recordset: one parameter however many rows. */
function insertJson(table: string, columns: string, rows: unknown[], returning = ''): SQL {
  const names = columns
    .split(',')
    .map((c) => c.trim().split(' ')[0])
    .join(', ');
  return sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)})
    SELECT ${sql.raw(names)} FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(${sql.raw(columns)})
    ${sql.raw(returning)}`;
}

const CASE_COLUMNS =
  'case_number text, jurisdiction_code text, registering_unit_id int, bureau_unit_id int, current_unit_id int, ' +
  'assigned_unit_id int, review_unit_id int, form text, purpose text, category_code text, ' +
  'subcategory_code text, subject text, ' +
  'content text, search_tokens text, people_count int, is_group bool, is_joint bool, first_time bool, ' +
  'repeat_count int, backlog bool, supervised bool, state text, outcome text, reason_code text, clocks jsonb, ' +
  'due_at timestamptz, ' +
  'due_flag text, bureau_rating text, unit_rating text, rated_at timestamptz, evaluation_status text, ' +
  'received_at timestamptz, accepted_at timestamptz, delivered_at timestamptz, closed_at timestamptz, ' +
  'version int, created_at timestamptz, updated_at timestamptz';
const PARTY_COLUMNS =
  'case_id bigint, role text, name_enc text, id_number_enc text, id_number_hash text, phone_enc text, ' +
  'phone_hash text, address_enc text';
const EVENT_COLUMNS =
  'case_id bigint, at timestamptz, action text, from_state text, to_state text, actor_role text, ' +
  'actor_unit_id int, detail jsonb, public bool';

/** Inserts `count` synthetic cases with their parties and timelines; returns how many. */
export async function seedCases(db: Db, pii: Pii, opts: SeedCasesOptions): Promise<number> {
  const now = (opts.now ?? new Date()).getTime();
  const rng = createRng(opts.seed);
  const byCity = await loadCounties(db);
  const allCounties = [...byCity.values()].flat();
  const pool = identityPool(
    createRng(opts.seed ^ 0x9e3779b9),
    pii,
    Math.min(IDENTITY_POOL, Math.max(opts.count, 1)),
    allCounties.map((c) => ({ code: c.code, fullName: `江苏省${c.name}` })),
  );
  const counters = new Map<string, number>();
  for (const r of await db.select().from(caseCounters)) counters.set(r.prefix, r.last);
  for (const [prefix, last] of await caseSequenceLasts(db)) {
    counters.set(prefix, Math.max(counters.get(prefix) ?? 0, last));
  }
  const touched = new Map<string, number>();

  // Foreign keys are checked row by row by triggers, most of the cost of a bulk insert. The rows
  // reference only units and cases read or returned here, so when allowed (superuser: PGlite, a local
  // PostgreSQL) the triggers are skipped for the seeding transactions, as pg_restore does.
  const [su] = (
    (await db.execute(sql`SELECT current_setting('is_superuser') AS su`)) as unknown as {
      rows: { su: string }[];
    }
  ).rows;
  const skipTriggers = su?.su === 'on';

  const times = receipts(rng, opts.count, now, opts.recent);
  const places = opts.places;
  const entries = opts.subcategories ?? [];
  const subcategoryOf = (category: string, text: string) =>
    entries.length > 0 ? (suggestSubcategory(entries, category, text)?.code ?? null) : null;
  const countyWeights = places ? placeWeights(allCounties, places) : [];
  if (places && countyWeights.length === 0) throw new Error('seedCases: no county matches `places`');
  const start = now - 730 * DAY;
  let inserted = 0;
  // The next batch is generated while the previous one is being written (PostgreSQL works meanwhile).
  let writing: Promise<void> = Promise.resolve();
  while (inserted < opts.count) {
    const size = Math.min(BATCH, opts.count - inserted);
    const caseRows: Record<string, unknown>[] = [];
    const parties: Record<string, unknown>[][] = [];
    const events: Record<string, unknown>[][] = [];
    const signatures: Signature[] = [];
    for (let k = 0; k < size; k++) {
      const packed = times[inserted + k] ?? 0;
      const receivedAt = start + Math.floor(packed / 8) * 1000;
      const form = FORMS[packed % 8] ?? 'online';
      const county = places
        ? weighted(rng, countyWeights)
        : rng.pick(byCity.get(weighted(rng, CITY_WEIGHTS)) ?? allCounties);
      const category = weighted(rng, CATEGORY_WEIGHTS);
      const purpose = weighted(rng, PURPOSE_WEIGHTS);
      const { subject, content, town } = petitionText(rng, category.code, {
        county: county.name,
        towns: county.towns,
      });
      const place = (opts.townLevel && county.townCodes.get(town)) || county.code;
      signatures.push(signatureOf(subject, content, county.code));
      const group = form === 'visit' && rng.chance(0.1);
      const joint = form === 'letter' && rng.chance(0.06);
      const peopleCount = group ? rng.int(county.limits.groupVisitSize, 60) : joint ? rng.int(2, 30) : 1;
      const reps = group ? rng.int(1, county.limits.maxRepresentatives) : 0;

      const sim = simulate({
        rng,
        receivedAt,
        now,
        form,
        purpose,
        dept: category.dept,
        units: county.units,
        limits: county.limits,
        subject,
        registeringName: county.units.bureau.name,
        lastMinute: opts.lastMinute,
        stuck: opts.stuck,
      });
      const prefix = `${county.code}${new Date(receivedAt + SHANGHAI).getUTCFullYear()}`;
      const seq = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, seq);
      touched.set(prefix, seq);
      const r = sim.row;
      caseRows.push({
        case_number: `${prefix}${String(seq).padStart(7, '0')}`,
        jurisdiction_code: place,
        registering_unit_id: county.units.bureau.id,
        bureau_unit_id: r.bureauUnitId,
        current_unit_id: r.currentUnitId,
        assigned_unit_id: r.assignedUnitId,
        review_unit_id: r.reviewUnitId,
        form,
        purpose,
        category_code: category.code,
        subcategory_code: subcategoryOf(category.code, `${subject}${content}`),
        subject,
        content,
        search_tokens: caseSearchTokens(subject, content),
        people_count: peopleCount,
        is_group: group,
        is_joint: joint,
        first_time: !rng.chance(0.15),
        repeat_count: r.repeatCount,
        backlog: r.backlog,
        supervised: r.supervised,
        state: sim.state,
        outcome: r.outcome,
        reason_code: r.reasonCode,
        clocks: sim.clocks,
        due_at: iso(sim.dueAt),
        due_flag: sim.dueFlag,
        bureau_rating: r.bureauRating,
        unit_rating: r.unitRating,
        rated_at: iso(r.ratedAt),
        evaluation_status: r.evaluationStatus,
        received_at: iso(receivedAt),
        accepted_at: iso(r.acceptedAt),
        delivered_at: iso(r.deliveredAt),
        closed_at: iso(r.closedAt),
        version: sim.version,
        created_at: iso(receivedAt),
        updated_at: iso(sim.updatedAt),
      });
      const party = (role: string) => {
        const p = rng.pick(pool);
        const withId = form !== 'phone' || rng.chance(0.3);
        return {
          role,
          name_enc: p.nameEnc,
          id_number_enc: withId ? p.idNumberEnc : null,
          id_number_hash: withId ? p.idNumberHash : null,
          phone_enc: p.phoneEnc,
          phone_hash: p.phoneHash,
          address_enc: form === 'letter' || rng.chance(0.3) ? p.addressEnc : null,
        };
      };
      parties.push([party('petitioner'), ...Array.from({ length: reps }, () => party('representative'))]);
      events.push(
        sim.events.map((e) => ({
          at: iso(e.at),
          action: e.action,
          from_state: e.fromState,
          to_state: e.toState,
          actor_role: e.actorRole,
          actor_unit_id: e.actorUnitId,
          detail: e.detail,
          public: e.public,
        })),
      );
    }
    await writing;
    writing = db.transaction(async (tx) => {
      if (skipTriggers) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      const res = (await tx.execute(
        insertJson('cases', CASE_COLUMNS, caseRows, 'RETURNING id::int8::text AS id, case_number'),
      )) as unknown as { rows: { id: string; case_number: string }[] };
      const ids = new Map(res.rows.map((r) => [r.case_number, Number(r.id)]));
      const idOf = (k: number) => ids.get(caseRows[k]?.case_number as string);
      const withCase = (lists: Record<string, unknown>[][]) =>
        lists.flatMap((list, k) => list.map((row) => ({ case_id: idOf(k), ...row })));
      await tx.execute(insertJson('case_parties', PARTY_COLUMNS, withCase(parties)));
      await tx.execute(insertJson('case_events', EVENT_COLUMNS, withCase(events)));
      // Rollups (统计) of this batch, from the rows just written (src/analytics/rollup.ts).
      await rollupCases(tx, { ids: [...ids.values()] }, { open: true });
      await writeSignatures(
        tx,
        caseRows.map((row, k) => ({
          caseId: idOf(k) as number,
          jurisdictionCode: row.jurisdiction_code as string,
          receivedAt: row.received_at as string,
          signature: signatures[k] as Signature,
        })),
        { fresh: true },
      );
    });
    writing = writing.then(() => opts.onProgress?.(size));
    inserted += size;
  }
  await writing;
  // Later registrations continue each jurisdiction-year sequence after the seeded numbers.
  const counterRows = [...counters].map(([prefix, last]) => ({ prefix, last }));
  if (counterRows.length) {
    await db.execute(
      sql`${insertJson('case_counters', 'prefix text, last bigint', counterRows)}
        ON CONFLICT (prefix) DO UPDATE SET last = GREATEST(case_counters.last, excluded.last)`,
    );
  }
  await raiseCaseSequences(db, touched);
  // A bulk load: the planner learns the new sizes now (the embedded database has no autovacuum).
  if (inserted > 0 && !opts.skipStatistics) await keepStatistics(db);
  return inserted;
}
