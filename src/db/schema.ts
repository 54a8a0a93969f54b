// One schema for PGlite and PostgreSQL. Migrations are generated from this file by drizzle-kit
// (`npm run db:generate`) into src/db/migrations and applied by the app at start (src/db/migrate.ts).

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { SUBJECT_KEY_SQL, UNUSUAL_SUBJECT_SQL } from '../cases/subjectKey.ts';
import type { AssessmentItem } from '../domain/assessment/scheme.ts';
import type { PackagePlan } from '../domain/backlog/packages.ts';
import type { CardEntry } from '../domain/cards/levels.ts';
import type { HistoryEntry } from '../domain/history.ts';
import type { Clocks } from '../domain/lifecycle/clockTypes.ts';
import type { CooperationLetter } from '../domain/linkage/crossProvince.ts';
import type { CriterionEvidence } from '../domain/linkage/sanwu.ts';

/** Region codes compare byte-wise (C collation) so `LIKE '3201%'` uses the btree index on both databases. */
const code = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 行政区划: GB/T 2260 jurisdictions (province, city, county, town). */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    code: code('code').primaryKey(), // 6 digits (province/city/county) or 9 digits (town)
    name: text('name').notNull(),
    fullName: text('full_name').notNull(), // 江苏省南京市鼓楼区
    level: smallint('level').notNull(), // 1 province, 2 city, 3 county, 4 town
    parentCode: code('parent_code'),
    /** Prefix every code in this jurisdiction's subtree starts with: '32', '3201', '320106', '320106001'. */
    scopePrefix: code('scope_prefix').notNull(),
  },
  (t) => [
    index('jurisdictions_parent_idx').on(t.parentCode),
    index('jurisdictions_prefix_idx').on(t.scopePrefix),
  ],
);

/** 单位: the petition bureau (信访局) and functional departments of each jurisdiction. */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    kind: text('kind').notNull(), // 'bureau' | 'department'
    deptKey: text('dept_key').notNull(), // 'xinfang', 'zhujian', 'renshe' …
    name: text('name').notNull(), // 南京市住房和城乡建设局
    shortName: text('short_name').notNull(), // 住建局
    /** 撤销: a retired unit keeps its history but receives no new matters or accounts (src/orgs/units.ts). */
    retiredAt: ts('retired_at'),
  },
  (t) => [uniqueIndex('units_jurisdiction_dept_uq').on(t.jurisdictionCode, t.deptKey)],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username'), // staff login name; citizens log in by phone
    passwordHash: text('password_hash'),
    role: text('role').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    displayName: text('display_name').notNull(),
    // Personal data: encrypted (AES-256-GCM) plus a keyed hash for exact lookup.
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    realNameEnc: text('real_name_enc'),
    disabled: boolean('disabled').notNull().default(false),
    /** Set by an administrator's password reset: the temporary password only opens the change form. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_citizen_phone_uq').on(t.phoneHash).where(sql`role = 'citizen'`),
    index('users_unit_idx').on(t.unitId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the bearer token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time SMS login codes (短信验证码), stored hashed. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    consumedAt: ts('consumed_at'),
  },
  (t) => [index('otp_phone_idx').on(t.phoneHash, t.createdAt)],
);

/**
 * Failed password logins per (account, client address), for the back-off of src/auth/throttle.ts.
 * The key is a keyed hash: neither the username nor the address is stored.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastAt: ts('last_at').notNull(),
    lockedUntil: ts('locked_until'),
  },
  (t) => [index('login_throttle_last_idx').on(t.lastAt)],
);

/**
 * Transactional outbox: every outgoing message is written in the transaction that causes it,
 * then sent by the dispatcher (src/notify/dispatcher.ts) with retries.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel').notNull(), // 'sms'
    idempotencyKey: text('idempotency_key').notNull(),
    /** The number, encrypted; null once purged (XINFANG_OUTBOX_RETENTION_DAYS after sending). */
    recipientEnc: text('recipient_enc'),
    recipientMasked: text('recipient_masked').notNull(),
    template: text('template').notNull(),
    /** Legacy plain text, encrypted into body_enc and emptied at start (src/security/atRest.ts). */
    body: text('body'),
    /** The text, encrypted (it may carry a login or query code); null once purged. */
    bodyEnc: text('body_enc'),
    caseId: bigint('case_id', { mode: 'number' }),
    stage: text('stage'),
    status: text('status').notNull().default('pending'), // pending | sent | dead
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_idem_uq').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('outbox_case_idx').on(t.caseId),
    // The retention purge's queue: finished rows that still hold a text.
    index('outbox_retained_idx').on(t.createdAt).where(sql`body_enc is not null and status <> 'pending'`),
  ],
);

/**
 * Append-only audit log; each sealed row carries the hash of the previous one (tamper evidence).
 * A business transaction appends a row unsealed (`seq` from the identity sequence; no chain_pos,
 * prev_hash or hash); the sealer (src/audit/chain.ts) later gives committed rows, in order, their
 * chain position and hashes. The chain is the order of `chain_pos`, not of `seq`.
 * Partitioned by month of `at` (migration 0041, src/partitions/): the primary key and every unique
 * index include `at`, since PostgreSQL enforces uniqueness per partition only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    chainPos: bigint('chain_pos', { mode: 'number' }),
    at: ts('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    primaryKey({ columns: [t.seq, t.at] }),
    index('audit_entity_idx').on(t.entity, t.entityId),
    // Unique per partition (chain positions are handed out under the head lock, src/audit/chain.ts).
    uniqueIndex('audit_chain_pos_uq').on(t.chainPos, t.at),
    // The sealer's queue: small, since rows leave it within moments of their commit.
    index('audit_unsealed_idx').on(t.seq).where(sql`chain_pos is null`),
    // The console's audit search by person (src/audit/queries.ts), newest first.
    index('audit_actor_idx').on(t.actorUserId, t.seq),
  ],
);

/**
 * Single row holding the head of the audit chain (chain position and hash of the last sealed row);
 * locking it serialises seals, never business transactions.
 */
export const auditHead = pgTable('audit_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Key/value facts about this installation (demo seeded, schema notes). */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * 信访事项 (one matter, 一件一号). Clocks live in `clocks` (trigger, limit, due, how computed);
 * `due_at` mirrors the one running now, for lists and the daily deadline job.
 */
export const cases = pgTable(
  'cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseNumber: text('case_number').notNull(), // 信访件编号
    queryCodeHash: text('query_code_hash'), // 查询码 (HMAC)
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code), // 问题属地
    registeringUnitId: integer('registering_unit_id')
      .notNull()
      .references(() => units.id), // 登记机构
    bureauUnitId: integer('bureau_unit_id').references(() => units.id), // 负责的信访部门
    currentUnitId: integer('current_unit_id').references(() => units.id), // 当前待办单位
    assignedUnitId: integer('assigned_unit_id').references(() => units.id), // 责任单位
    reviewUnitId: integer('review_unit_id').references(() => units.id), // 复查/复核机关
    petitionerUserId: integer('petitioner_user_id').references(() => users.id),
    form: text('form').notNull(),
    purpose: text('purpose').notNull().default('claim'),
    categoryCode: text('category_code'),
    /** 细分类: a second or third level of the category dictionary below category_code (src/intake). */
    subcategoryCode: text('subcategory_code'),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    /**
     * Search (src/search): jieba tokens of subject + content, space-separated, set at intake. The
     * migration adds `search_vector` (tsvector generated from this, GIN-indexed), kept out of this
     * schema so that case reads do not fetch it.
     */
    searchTokens: text('search_tokens'),
    peopleCount: integer('people_count').notNull().default(1),
    isGroup: boolean('is_group').notNull().default(false),
    isJoint: boolean('is_joint').notNull().default(false),
    firstTime: boolean('first_time').notNull().default(true), // 本机构初次
    skippedLevel: boolean('skipped_level').notNull().default(false), // 越级
    repeatCount: integer('repeat_count').notNull().default(0),
    backlog: boolean('backlog').notNull().default(false), // 积案标识
    supervised: boolean('supervised').notNull().default(false), // 督办
    /** 疑似联名/群体: many petitioners filed near-identical content (src/duplicates/group.ts). */
    groupSuspect: boolean('group_suspect').notNull().default(false),
    /** 匿名信访: registered by staff with no petitioner identity (src/domain/anonymity.ts). */
    anonymous: boolean('anonymous').notNull().default(false),
    /**
     * 回避单位: units that may never see this matter — the accused (被反映) units of an accusation
     * (检举控告), kept by src/accusations; every case scope excludes them (policies.caseScope).
     */
    hiddenFromUnitIds: integer('hidden_from_unit_ids').array().notNull().default(sql`'{}'::integer[]`),
    /**
     * 会办单位: the co-handling units of a matter handled jointly (src/cohandling); they read it and
     * file their part, the lead unit (assigned_unit_id) replies.
     */
    coUnitIds: integer('co_unit_ids').array().notNull().default(sql`'{}'::integer[]`),
    state: text('state').notNull(),
    outcome: text('outcome'),
    reasonCode: text('reason_code'),
    clocks: jsonb('clocks').$type<Clocks>().notNull().default({}),
    dueAt: ts('due_at'),
    dueFlag: text('due_flag'), // null | 'near' | 'overdue'
    bureauRating: text('bureau_rating'),
    unitRating: text('unit_rating'),
    ratedAt: ts('rated_at'),
    evaluationStatus: text('evaluation_status'), // pending | rated | expired
    receivedAt: ts('received_at').notNull(),
    acceptedAt: ts('accepted_at'),
    deliveredAt: ts('delivered_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_number_uq').on(t.caseNumber),
    index('cases_jurisdiction_idx').on(t.jurisdictionCode, t.createdAt),
    index('cases_assigned_idx').on(t.assignedUnitId, t.createdAt),
    index('cases_current_idx').on(t.currentUnitId, t.state),
    // The repeat lookup at intake (src/cases/repeats.ts repeatLookupSql): a citizen's earliest case
    // with the same normalised subject is one index entry, however many cases are stored; the few
    // subjects with unusual characters (compared in JS) have their own small partial index.
    // Also the citizen's own case list (petitioner_user_id first).
    index('cases_repeat_user_idx')
      .on(t.petitionerUserId, sql.raw(`(${SUBJECT_KEY_SQL})`), t.id)
      .where(sql`petitioner_user_id is not null`),
    index('cases_repeat_unusual_idx').on(t.petitionerUserId, t.id).where(sql.raw(UNUSUAL_SUBJECT_SQL)),
    index('cases_state_idx').on(t.state, t.createdAt),
    // Staff lists (src/cases/queries.ts). Each ends in the scope's columns (policies.caseScope) so
    // that counting a list (`total`) reads only the index, not one wide row per match: at 1M
    // cases that is the difference between ~5 ms and 100-200 ms (docs/performance.md).
    // The default list, newest first (an index scan of one page, not a sort), and date ranges.
    index('cases_received_idx').on(
      t.receivedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.jurisdictionCode,
      t.currentUnitId,
      t.bureauUnitId,
      t.assignedUnitId,
    ),
    // Workbench tabs: one state, by due date (the default sort), and their counts.
    index('cases_state_due_idx').on(
      t.state,
      t.dueAt,
      t.id,
      t.jurisdictionCode,
      t.form,
      t.currentUnitId,
      t.bureauUnitId,
      t.assignedUnitId,
    ),
    // The bureau's part of its scope outside its subtree (policies.caseScopeParts), index-only.
    index('cases_bureau_idx').on(t.bureauUnitId, t.jurisdictionCode),
    // By due date over any scope (nulls last, as the list sorts), overdue lists, the deadline job.
    index('cases_due_idx').on(
      t.dueAt,
      t.id,
      t.jurisdictionCode,
      t.currentUnitId,
      t.bureauUnitId,
      t.assignedUnitId,
    ),
    // The daily deadline job's walk: only rows it can still flag. Without it, every batch re-read
    // the matters already flagged overdue (233k of 1 M open ones in docs/performance.md).
    index('cases_due_unflagged_idx').on(t.dueAt, t.id).where(sql`due_flag is null or due_flag = 'near'`),
    index('cases_group_suspect_idx').on(t.receivedAt).where(sql`group_suspect`),
    // The workbench's 督办件 and 积案 filters: rare flags, so small partial indexes (by due date).
    index('cases_supervised_idx')
      .on(t.dueAt, t.id, t.state, t.jurisdictionCode, t.currentUnitId, t.bureauUnitId, t.assignedUnitId)
      .where(sql`supervised`),
    index('cases_backlog_idx')
      .on(t.dueAt, t.id, t.state, t.jurisdictionCode, t.currentUnitId, t.bureauUnitId, t.assignedUnitId)
      .where(sql`backlog`),
    // A department's co-handled matters (协办): the last part of its scope (policies.caseScopeParts,
    // `co_unit_ids @> {unit}`). Without it that part read every case — 1.2 s at 1M for a
    // department's unfiltered list (docs/performance.md). Only the co-handled rows: the planner then
    // knows they are few (on the whole column it assumed 0.5 % of all cases match).
    index('cases_co_units_idx').using('gin', t.coUnitIds).where(sql`co_unit_ids <> '{}'`),
  ],
);

/** Petitioners and representatives of a case; personal data encrypted, hashes for matching. */
export const caseParties = pgTable(
  'case_parties',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    role: text('role').notNull(), // 'petitioner' | 'representative'
    nameEnc: text('name_enc').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    addressEnc: text('address_enc'),
    // ---- web console (issue 4): 权益保障卡号 recorded at a visit (来访), encrypted like an ID number.
    rightsCardEnc: text('rights_card_enc'),
  },
  (t) => [
    index('case_parties_case_idx').on(t.caseId),
    index('case_parties_id_hash_idx').on(t.idNumberHash),
    index('case_parties_phone_hash_idx').on(t.phoneHash),
  ],
);

/**
 * The timeline (办理过程): every action, with who, when and what changed. Partitioned by month of
 * `at` (migration 0041, src/partitions/): the key is (id, at), so no foreign key can point at an
 * event's id alone — documents, attachments and drafts name their event without one.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    at: ts('at').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorUserId: integer('actor_user_id'),
    actorRole: text('actor_role'),
    actorUnitId: integer('actor_unit_id'),
    /** Action details without personal data (target unit, reason, outcome, note…). */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    public: boolean('public').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.id, t.at] }), index('case_events_case_idx').on(t.caseId, t.at)],
);

/** Written documents (文书) issued for a case: their data, and once rendered the bytes and hash. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    eventId: bigint('event_id', { mode: 'number' }), // case_events.id (partitioned: no foreign key)
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    /** What the document says (DocumentData); the .docx is rendered from it on first download. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    sha256: text('sha256'),
    content: bytea('content'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId)],
);

/**
 * Floor of the case numbers per registering jurisdiction and year: at least the last number handed
 * out outside the intake sequences `case_no_<prefix>` (bulk seeder, intake before them). Intake no
 * longer writes it: a new sequence starts after it (src/cases/numbering.ts).
 */
export const caseCounters = pgTable('case_counters', {
  prefix: text('prefix').primaryKey(), // '3201062026'
  last: bigint('last', { mode: 'number' }).notNull(),
});

/** Per-jurisdiction settings (time limits, thresholds); looked up from the jurisdiction upwards. */
export const settings = pgTable(
  'settings',
  {
    jurisdictionCode: code('jurisdiction_code').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('settings_uq').on(t.jurisdictionCode, t.key)],
);

/** Trained classifiers (e.g. content category), versioned; the active one serves every node. */
export const classifierModels = pgTable(
  'classifier_models',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(), // 'category'
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Where the training data came from (file name, rows, label counts) — never the texts. */
    trainedOn: jsonb('trained_on').notNull(),
    metrics: jsonb('metrics'),
    /** The serialised model (gzip JSON). */
    model: bytea('model').notNull(),
    active: boolean('active').notNull().default(false),
  },
  (t) => [uniqueIndex('classifier_models_version_uq').on(t.name, t.version)],
);

// ---- Duplicates and repeats (src/duplicates) ------------------------------------------------------

/** Content fingerprint of each case (MinHash over jieba words and Han bigrams) and its LSH buckets. */
export const caseSignatures = pgTable('case_signatures', {
  caseId: bigint('case_id', { mode: 'number' })
    .primaryKey()
    .references(() => cases.id),
  countyCode: code('county_code').notNull(),
  receivedAt: ts('received_at').notNull(),
  scheme: smallint('scheme').notNull(),
  minhash: integer('minhash').array().notNull(),
  /** Bucket ids; each already includes the county, so a shared bucket means the same county. */
  bands: integer('bands').array().notNull(),
});

/**
 * One row per (case, LSH band): candidates are the rows with one of a petition's buckets, in a time
 * window — btree index range lookups (`bucket = ANY(…)`), never a scan.
 */
export const caseSigBands = pgTable(
  'case_sig_bands',
  {
    bucket: integer('bucket').notNull(),
    receivedAt: ts('received_at').notNull(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
  },
  // case_id last: the group check's per-bucket scans are index-only (no heap fetch per entry).
  (t) => [index('case_sig_bands_bucket_idx').on(t.bucket, t.receivedAt, t.caseId)],
);

/** Registered cases linked as repeats (重复信访) of another matter: `case_id` repeats `linked_case_id`. */
export const caseLinks = pgTable(
  'case_links',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    linkedCaseId: bigint('linked_case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(), // 'repeat'
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_links_uq').on(t.caseId, t.linkedCaseId),
    index('case_links_linked_idx').on(t.linkedCaseId),
  ],
);

// ---- Early warnings and special periods (src/warnings) -------------------------------------------

/**
 * 预警: raised by the daily scan (growth, group event, repeat petitioner, overdue unit) or at intake
 * (extreme risk). `dedupe_key` makes every detector idempotent: a rerun finds its key and adds nothing.
 */
export const warnings = pgTable(
  'warnings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(), // growth | group_event | repeat_petitioner | overdue_unit | extreme_risk | storage_low
    level: text('level').notNull(), // high | medium
    jurisdictionCode: code('jurisdiction_code').notNull(), // whose subtree sees it
    title: text('title').notNull(),
    detail: text('detail').notNull(), // no personal data
    caseIds: jsonb('case_ids').$type<number[]>().notNull().default([]),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('warnings_dedupe_uq').on(t.dedupeKey),
    index('warnings_jurisdiction_idx').on(t.jurisdictionCode, t.createdAt),
  ],
);

/** 重大活动保障期: inside [from_date, to_date] and the jurisdiction's subtree, thresholds × factor. */
export const specialPeriods = pgTable(
  'special_periods',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    thresholdFactor: doublePrecision('threshold_factor').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('special_periods_dates_idx').on(t.toDate)],
);

// ---- Monthly special reports (专报, src/reports) ----------------------------------------------------

/** 专报: the figures gathered when drafted (data) and the editable section texts; drafts until issued. */
export const reports = pgTable(
  'reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(), // 'monthly'
    period: text('period').notNull(), // 'YYYY-MM'
    scopeCode: code('scope_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** ReportData (src/reports/types.ts): counts and rates only, no personal data. */
    data: jsonb('data').notNull(),
    /** { situation, problems, forecast, suggestions }: texts, edited while a draft. */
    sections: jsonb('sections').notNull(),
    status: text('status').notNull().default('draft'), // draft | issued
    createdBy: integer('created_by').references(() => users.id),
    issuedBy: integer('issued_by').references(() => users.id),
    issuedAt: ts('issued_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('reports_scope_idx').on(t.scopeCode, t.period)],
);

// ---- Analytics rollups (src/analytics/rollup.ts) --------------------------------------------------

/**
 * Counters of one period (day or month) × place (问题属地, full code) × one breakdown: `dim` is
 * 'all' (key '') or 'category' | 'form' | 'purpose' | 'unit' (key = that value). The indicators
 * API never filters by two breakdowns at once, so each change adds to 5 narrow rows instead of one
 * row per combination — few rows per period, read by primary-key range scans.
 *
 * `shard` (0..7, last in the key): each writing transaction adds to the rows of one shard that
 * it claimed (src/analytics/rollup.ts), so concurrent intakes and actions of the same day and
 * place do not queue on one row until commit. A count is the sum over shards; one shard's row
 * may be negative (gauges moved out in another shard), so readers never filter rows by sign.
 */
const rollupColumns = () => ({
  period: date('period', { mode: 'string' }).notNull(),
  jurisdictionCode: code('jurisdiction_code').notNull(),
  dim: text('dim').notNull(),
  key: text('key').notNull(),
  shard: smallint('shard').notNull().default(0),
  total: integer('total').notNull().default(0),
  online: integer('online').notNull().default(0),
  visits: integer('visits').notNull().default(0),
  skippedLevel: integer('skipped_level').notNull().default(0),
  repeats: integer('repeats').notNull().default(0),
  groupBatches: integer('group_batches').notNull().default(0),
  groupPersons: integer('group_persons').notNull().default(0),
  acceptanceDecided: integer('acceptance_decided').notNull().default(0),
  acceptedTimely: integer('accepted_timely').notNull().default(0),
  completed: integer('completed').notNull().default(0),
  completedOnTime: integer('completed_on_time').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  ratable: integer('ratable').notNull().default(0),
  satisfied: integer('satisfied').notNull().default(0),
  bureauSatisfied: integer('bureau_satisfied').notNull().default(0),
  backlog: integer('backlog').notNull().default(0),
  backlogResolved: integer('backlog_resolved').notNull().default(0),
});

/** Daily rollup (period = the Shanghai date). */
export const statsDaily = pgTable('stats_daily', rollupColumns(), (t) => [
  primaryKey({
    name: 'stats_daily_pk',
    columns: [t.dim, t.period, t.jurisdictionCode, t.key, t.shard],
  }),
]);

/** Monthly rollup (period = first day of the month); the same counts as the daily rows summed. */
export const statsMonthly = pgTable('stats_monthly', rollupColumns(), (t) => [
  primaryKey({
    name: 'stats_monthly_pk',
    columns: [t.dim, t.period, t.jurisdictionCode, t.key, t.shard],
  }),
]);

/**
 * Open matters now, per unit holding them (current unit) and place: for "overdue by unit". Signed
 * deltas per shard: a matter opened in one shard and closed in another leaves +1 and −1.
 */
export const statsOpen = pgTable(
  'stats_open',
  {
    unitId: integer('unit_id').notNull(),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    shard: smallint('shard').notNull().default(0),
    open: integer('open').notNull().default(0),
    near: integer('near').notNull().default(0),
    overdue: integer('overdue').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'stats_open_pk', columns: [t.unitId, t.jurisdictionCode, t.shard] })],
);

// ── Hotspots (src/hotspots, docs/hotspots.md) ──────────────────────────────────────────────────

/**
 * A case's hotspot features (`hotspotFeatures(subject。content)`: classifier jieba words and
 * fine-place candidates, space-joined), written on the first hotspot query that reads the case,
 * so later queries do not segment again. Subject and content do not change after intake.
 */
export const hotspotTerms = pgTable('hotspot_terms', {
  caseId: bigint('case_id', { mode: 'number' })
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  terms: text('terms').notNull(),
});

/**
 * Idempotency keys (`Idempotency-Key` header) of mutations that must not happen twice when a client
 * retries: the first request's answer, encrypted (it may hold a query code), kept for 24 hours.
 * Written in the same transaction as the mutation (src/commands/idempotency.ts).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: integer('user_id').notNull(),
    scope: text('scope').notNull(), // 'intake' …
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseEnc: text('response_enc'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.scope, t.key] }),
    index('idempotency_created_idx').on(t.createdAt),
  ],
);

// ---- 积案 (backlog matters, src/backlog, docs/backlog.md) ------------------------------------------

/**
 * 积案: one row per matter proposed or found as a backlog case. A system candidate (候选) is proposed
 * by a supervisor or leader (待认定), identified by the bureau above (已认定 → 化解中), and closed
 * (已化解) only when the seven standards are met and the bureau above approves; unflagging also needs
 * its approval. `status` follows the table of src/domain/backlog/states.ts.
 */
export const backlogMatters = pgTable(
  'backlog_matters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    /** The case's place (问题属地), copied for scoped lists and the ledger. */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    status: text('status').notNull(),
    source: text('source').notNull(), // 'system' | 'manual'
    /** The candidate rules the matter met when found: [{ rule, label, value }]. */
    ruleHits: jsonb('rule_hits').notNull().default([]),
    reason: text('reason'),
    level: text('level'), // 'province' | 'city' | 'county'
    responsibleUnitId: integer('responsible_unit_id').references(() => units.id),
    deadline: date('deadline', { mode: 'string' }),
    proposingUnitId: integer('proposing_unit_id').references(() => units.id),
    /** The bureau above the proposer: it identifies (认定), approves closing and unflagging. */
    approvingUnitId: integer('approving_unit_id').references(() => units.id),
    proposedBy: integer('proposed_by').references(() => users.id),
    proposedAt: ts('proposed_at'),
    identifiedBy: integer('identified_by').references(() => users.id),
    identifiedAt: ts('identified_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: ts('resolved_at'),
    /** When the matter left the active statuses (dismissed, rejected, unflagged, resolved). */
    endedAt: ts('ended_at'),
    /** The latest request or decision in words (who, what, note), for the detail. */
    notes: jsonb('notes').notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // At most one active backlog matter per case.
    uniqueIndex('backlog_matters_active_uq')
      .on(t.caseId)
      .where(sql`status in ('candidate', 'proposed', 'identified', 'closing', 'unflagging')`),
    index('backlog_matters_case_idx').on(t.caseId),
    index('backlog_matters_jurisdiction_idx').on(t.jurisdictionCode, t.status),
  ],
);

/** 化解方案: the steps of a backlog matter's plan, each with an owner and a date. */
export const backlogSteps = pgTable(
  'backlog_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    matterId: integer('matter_id')
      .notNull()
      .references(() => backlogMatters.id),
    title: text('title').notNull(),
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    ownerName: text('owner_name').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneAt: ts('done_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('backlog_steps_matter_idx').on(t.matterId)],
);

/** 化解进展: progress entries of a backlog matter (optionally on one step of its plan). */
export const backlogProgress = pgTable(
  'backlog_progress',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    matterId: integer('matter_id')
      .notNull()
      .references(() => backlogMatters.id),
    stepId: integer('step_id').references(() => backlogSteps.id),
    note: text('note').notNull(),
    userId: integer('user_id').references(() => users.id),
    unitId: integer('unit_id').references(() => units.id),
    at: ts('at').notNull(),
  },
  (t) => [index('backlog_progress_matter_idx').on(t.matterId, t.at)],
);

/** 七条标准 checklist: per matter and standard, the evidence and the reviewer's sign-off. */
export const backlogChecks = pgTable(
  'backlog_checks',
  {
    matterId: integer('matter_id')
      .notNull()
      .references(() => backlogMatters.id),
    standard: text('standard').notNull(),
    evidence: text('evidence').notNull(),
    evidenceBy: integer('evidence_by').references(() => users.id),
    evidenceAt: ts('evidence_at').notNull(),
    signedBy: integer('signed_by').references(() => users.id),
    signedAt: ts('signed_at'),
  },
  (t) => [primaryKey({ name: 'backlog_checks_pk', columns: [t.matterId, t.standard] })],
);

/**
 * 领导包案: a leader takes charge of a backlog matter (one or more leaders per matter), with the
 * 包案 plan (包掌握情况、包思想教育、包解决问题、包息访息诉) as texts. `level` is the leader's (city or
 * county), for the quotas (src/domain/backlog/packages.ts).
 */
export const backlogPackages = pgTable(
  'backlog_packages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    matterId: integer('matter_id')
      .notNull()
      .references(() => backlogMatters.id),
    leaderUserId: integer('leader_user_id')
      .notNull()
      .references(() => users.id),
    leaderUnitId: integer('leader_unit_id').references(() => units.id),
    /** The leader's jurisdiction (whose quota it counts for). */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    level: text('level').notNull(), // 'province' | 'city' | 'county'
    takenAt: ts('taken_at').notNull(),
    plan: jsonb('plan').$type<PackagePlan>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('backlog_packages_uq').on(t.matterId, t.leaderUserId),
    index('backlog_packages_leader_idx').on(t.leaderUserId, t.takenAt),
    index('backlog_packages_jurisdiction_idx').on(t.jurisdictionCode, t.takenAt),
  ],
);

/** Meetings, visits and talks a leader records on a matter they took (包案). */
export const backlogPackageRecords = pgTable(
  'backlog_package_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    packageId: integer('package_id')
      .notNull()
      .references(() => backlogPackages.id),
    kind: text('kind').notNull(), // 'meeting' | 'visit' | 'talk'
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('backlog_package_records_package_idx').on(t.packageId)],
);

/** 专项行动 (campaigns): 百日攻坚, 大排查大化解… over a jurisdiction subtree for a period, with targets. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // src/domain/campaigns/kinds.ts
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** The campaign covers this jurisdiction's subtree. */
    scopeCode: code('scope_code').notNull(),
    /** The bureau that launched it. */
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    /** Targets: 化解率 (percent), 排查件数, 三跨三分离化解稳定率 (percent); null = none. */
    targetRate: doublePrecision('target_rate'),
    targetInvestigated: integer('target_investigated'),
    targetStabilityRate: doublePrecision('target_stability_rate'),
    status: text('status').notNull().default('active'), // 'active' | 'closed'
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('campaigns_scope_idx').on(t.scopeCode)],
);

/** 排查台账: a matter or dispute found in a campaign — a case in scope, or a dispute not yet petitioned. */
export const campaignEntries = pgTable(
  'campaign_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    /** What the dispute is about (no names or numbers of people: those are not recorded here). */
    description: text('description').notNull(),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    partiesCount: integer('parties_count').notNull().default(1),
    category: text('category').notNull(),
    riskLevel: text('risk_level').notNull(), // 'high' | 'medium' | 'low'
    responsibleUnitId: integer('responsible_unit_id').references(() => units.id),
    status: text('status').notNull(), // src/domain/campaigns/entries.ts
    /** 三跨三分离 kinds (empty: not one). */
    crossKinds: jsonb('cross_kinds').notNull().default([]),
    /** For 三跨三分离 matters: stable (稳定) after handling. */
    stable: boolean('stable'),
    statusNote: text('status_note'),
    resolvedAt: ts('resolved_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_entries_case_uq').on(t.campaignId, t.caseId).where(sql`case_id is not null`),
    index('campaign_entries_campaign_idx').on(t.campaignId, t.jurisdictionCode),
  ],
);

/** 重点工作项目化管理: a bureau's key project of a year. */
export const projects = pgTable(
  'projects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    bureauUnitId: integer('bureau_unit_id')
      .notNull()
      .references(() => units.id),
    /** The bureau's jurisdiction, for scoped lists. */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    goal: text('goal').notNull(),
    /** The leader in charge (牵头领导), a staff member's name. */
    leadLeader: text('lead_leader').notNull(),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('projects_jurisdiction_idx').on(t.jurisdictionCode, t.year)],
);

/** 任务书/路线图/时间表: the milestones of a key project. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    ownerName: text('owner_name').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneDate: date('done_date', { mode: 'string' }),
    evidence: text('evidence'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueDate)],
);

/** Progress entries of a key project (optionally on one milestone). */
export const projectProgress = pgTable(
  'project_progress',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    milestoneId: integer('milestone_id').references(() => projectMilestones.id),
    note: text('note').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('project_progress_project_idx').on(t.projectId)],
);

// ---- 日监测 (src/monitoring) and 周调度 (src/dispatch) ------------------------------------------------

/**
 * 日监测晨报: one digest per petition bureau per day, written by the daily jobs (idempotent: the
 * unique index). Counts per monitoring source and a short text; case numbers at most, no personal data.
 */
export const monitoringDigests = pgTable(
  'monitoring_digests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** { [sourceId]: total } */
    counts: jsonb('counts').notNull().default({}),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_digests_uq').on(t.unitId, t.date),
    index('monitoring_digests_jurisdiction_idx').on(t.jurisdictionCode, t.date),
  ],
);

/** 周调度会: one per petition bureau and week (week_start is the Monday); draft → held. */
export const dispatchMeetings = pgTable(
  'dispatch_meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    status: text('status').notNull(), // 'draft' | 'held'
    attendees: jsonb('attendees').$type<string[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    /** The agenda's figures and topics when the meeting was recorded (a snapshot). */
    agenda: jsonb('agenda').notNull().default({}),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    heldAt: ts('held_at'),
  },
  (t) => [
    uniqueIndex('dispatch_meetings_week_uq').on(t.unitId, t.weekStart),
    index('dispatch_meetings_jurisdiction_idx').on(t.jurisdictionCode, t.weekStart),
  ],
);

/** 调度事项: a decision of a meeting, owned by one staff user, due on a date; open → done. */
export const dispatchTasks = pgTable(
  'dispatch_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => dispatchMeetings.id),
    title: text('title').notNull(),
    ownerUserId: integer('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    status: text('status').notNull(), // 'open' | 'done'
    doneAt: ts('done_at'),
    doneBy: integer('done_by').references(() => users.id),
    doneNote: text('done_note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('dispatch_tasks_meeting_idx').on(t.meetingId),
    index('dispatch_tasks_owner_idx').on(t.ownerUserId, t.status),
  ],
);

// ---- 督查督办 (supervision orders, src/supervision, docs/supervision.md) ------------------------------

/**
 * 督办单: an order from a petition bureau to a unit about one matter (`caseId`) or about the unit's
 * work as a whole (`target` 'unit', e.g. many overdue matters). `type` and its defaults (deadline,
 * 督办函, escalation) are the table of src/domain/supervision/orders.ts; `status` issued →
 * feedback_filed → closed (or returned to issued); `escalationLevel` 0, 1 (催办), 2 (升级).
 */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    target: text('target').notNull(), // 'case' | 'unit'
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    /** The addressed unit (被督办单位). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The matter's place, or the addressed unit's jurisdiction: scoped lists and counts. */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    /** 督办函 number 〔2026〕督字第N号: per raising bureau and year, only for types with a letter. */
    letterYear: integer('letter_year'),
    letterSeq: integer('letter_seq'),
    facts: text('facts').notNull(), // 督办事项 / 情况
    requirements: text('requirements').notNull(), // 督办要求
    deadline: date('deadline', { mode: 'string' }).notNull(), // 反馈期限
    status: text('status').notNull(),
    raisingUnitId: integer('raising_unit_id')
      .notNull()
      .references(() => units.id),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: ts('raised_at').notNull(),
    feedback: text('feedback'),
    feedbackAttachments: text('feedback_attachments'),
    feedbackBy: integer('feedback_by').references(() => users.id),
    feedbackAt: ts('feedback_at'),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: ts('closed_at'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    /** Every step in words (who, what, note): raise, feedback, return, accept, remind, escalate. */
    history: jsonb('history').$type<HistoryEntry[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervision_orders_letter_uq').on(t.raisingUnitId, t.letterYear, t.letterSeq),
    index('supervision_orders_case_idx').on(t.caseId),
    index('supervision_orders_unit_idx').on(t.unitId, t.status),
    index('supervision_orders_jurisdiction_idx').on(t.jurisdictionCode, t.raisedAt),
    index('supervision_orders_pending_idx').on(t.deadline).where(sql`status = 'issued'`),
  ],
);

/**
 * 首接首办: the first unit a matter was forwarded or assigned to (转送/交办), recorded once by the
 * supervision capability's subscriber to `case.acted` (cases keep only the current unit).
 */
export const caseFirstUnits = pgTable('case_first_units', {
  caseId: bigint('case_id', { mode: 'number' })
    .primaryKey()
    .references(() => cases.id),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  action: text('action').notNull(), // 'forward' | 'assign'
  at: ts('at').notNull(),
});

// ---- assessment (责任落实: 责任书、考核、通报约谈问责; src/assessment, docs/assessment.md) ----

/**
 * 信访工作责任书: signed each year between a jurisdiction and the one above it (province → city →
 * county → town), by their main Party and government leaders (党政主要领导). Officials' names and
 * posts only — no citizen's data.
 */
export const responsibilityLetters = pgTable(
  'responsibility_letters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    /** The jurisdiction that undertakes the responsibility (责任方). */
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** The jurisdiction one level up that issues it (发放方). */
    issuerCode: code('issuer_code')
      .notNull()
      .references(() => jurisdictions.code),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** 目标任务: [{ text, indicator?, target? }]. */
    targets: jsonb('targets').notNull().default([]),
    /** 签订人: [{ side: 'issuer' | 'undertaker', name, post }]. */
    signatories: jsonb('signatories').notNull().default([]),
    status: text('status').notNull(), // 'drafted' | 'signed'
    signedOn: date('signed_on', { mode: 'string' }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('responsibility_letters_year_uq').on(t.year, t.jurisdictionCode),
    index('responsibility_letters_issuer_idx').on(t.issuerCode, t.year),
  ],
);

/** 考核方案 override of a year and assessed level ('city' | 'county' | 'town'): the item table. */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    year: integer('year').notNull(),
    level: text('level').notNull(),
    items: jsonb('items').$type<AssessmentItem[]>().notNull(),
    note: text('note'),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'assessment_schemes_pk', columns: [t.year, t.level] })],
);

/**
 * 问责记录: 通报 (notice), 约谈 (interview), 重点管理 (special management) and 问责 (accountability)
 * of a unit; the persons named are officials (name and post), never petitioners.
 */
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(), // 'notice' | 'interview' | 'special_management' | 'accountability'
    status: text('status').notNull(),
    /** The unit concerned. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    /** The petition bureau that decided it. */
    issuingUnitId: integer('issuing_unit_id')
      .notNull()
      .references(() => units.id),
    /** 通报 number 〔2026〕N号 per issuing bureau and year (notices only). */
    numberYear: integer('number_year'),
    numberSeq: integer('number_seq'),
    title: text('title').notNull(),
    /** 事由: the failures found. */
    facts: text('facts').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** 约谈对象 / 问责对象 (name and post), 约谈人. */
    person: text('person'),
    interviewer: text('interviewer'),
    /** 约谈: the commitments made, the follow-up date, its result. */
    commitments: text('commitments'),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    followUpResult: text('follow_up_result'),
    followedUpAt: ts('followed_up_at'),
    /** 重点管理: the period and the measures; lifted early or at its end. */
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    measures: text('measures'),
    liftedAt: ts('lifted_at'),
    /** 问责: the form (通报批评、诫勉 …) and the decision. */
    form: text('form'),
    decision: text('decision'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('accountability_records_unit_idx').on(t.unitId, t.decidedOn),
    index('accountability_records_jurisdiction_idx').on(t.jurisdictionCode, t.decidedOn),
    uniqueIndex('accountability_records_number_uq').on(t.issuingUnitId, t.numberYear, t.numberSeq),
  ],
);

/** The matters and supervision orders behind an accountability record. */
export const accountabilityLinks = pgTable(
  'accountability_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer('record_id')
      .notNull()
      .references(() => accountabilityRecords.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    orderId: integer('order_id').references(() => supervisionOrders.id),
  },
  (t) => [
    index('accountability_links_record_idx').on(t.recordId),
    index('accountability_links_case_idx').on(t.caseId),
    index('accountability_links_order_idx').on(t.orderId),
  ],
);

// ---- 领导接访 (leaders' receptions, src/receptions, docs/receptions.md) -----------------------------

/**
 * 接访日程: one reception a leader holds (接访 at the reception hall, 下访 going to a place, 约访
 * inviting petitioners, 视频接访 by video), published on the portal; `kind` is the table of
 * src/domain/receptions/kinds.ts. `status` open → held (record filed) or cancelled.
 */
export const receptionSlots = pgTable(
  'reception_slots',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The jurisdiction whose calendar it is (the hosting bureau's). */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    /** The hosting petition bureau. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    leaderUserId: integer('leader_user_id')
      .notNull()
      .references(() => users.id),
    /** The leader's title as published (区长, 副市长…): staff data, not a citizen's. */
    leaderTitle: text('leader_title').notNull(),
    kind: text('kind').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    place: text('place').notNull(),
    topics: text('topics').notNull(),
    capacity: integer('capacity').notNull(),
    status: text('status').notNull().default('open'),
    cancelReason: text('cancel_reason'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('reception_slots_jurisdiction_idx').on(t.jurisdictionCode, t.startsAt),
    index('reception_slots_starts_idx').on(t.startsAt),
  ],
);

/**
 * 预约: a petitioner's place in a reception, booked on the portal or by staff for them. Personal
 * data encrypted (name, phone); a matter linked (`caseId`) or described in a few words.
 */
export const receptionBookings = pgTable(
  'reception_bookings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slotId: integer('slot_id')
      .notNull()
      .references(() => receptionSlots.id),
    petitionerUserId: integer('petitioner_user_id').references(() => users.id),
    nameEnc: text('name_enc').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    matter: text('matter'),
    peopleCount: integer('people_count').notNull().default(1),
    status: text('status').notNull().default('booked'), // booked | cancelled | attended
    via: text('via').notNull(), // portal | staff
    bookedBy: integer('booked_by')
      .notNull()
      .references(() => users.id),
    bookedAt: ts('booked_at').notNull(),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    remindedAt: ts('reminded_at'),
  },
  (t) => [
    index('reception_bookings_slot_idx').on(t.slotId, t.status),
    index('reception_bookings_user_idx').on(t.petitionerUserId),
  ],
);

/**
 * 接访记录: what happened at a held reception: batches (批次) and persons (人次) received, the
 * leader's decision, follow-up tasks; its matters in reception_matters. One per slot.
 */
export const receptionRecords = pgTable('reception_records', {
  slotId: integer('slot_id')
    .primaryKey()
    .references(() => receptionSlots.id),
  heldAt: ts('held_at').notNull(),
  batches: integer('batches').notNull(),
  persons: integer('persons').notNull(),
  decision: text('decision').notNull(),
  /** [{ task, unitId, unit, deadline }] */
  followUps: jsonb('follow_ups').notNull().default([]),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: ts('recorded_at').notNull(),
});

/** The matters raised at a held reception: linked cases, and whether each was solved on the spot. */
export const receptionMatters = pgTable(
  'reception_matters',
  {
    slotId: integer('slot_id')
      .notNull()
      .references(() => receptionSlots.id),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    solvedOnSpot: boolean('solved_on_spot').notNull().default(false), // 当场解决
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.caseId] }), index('reception_matters_case_idx').on(t.caseId)],
);

// ---- 权益保障卡 (rights-protection cards, src/cards, docs/cards.md) -----------------------------------

/**
 * 权益保障卡: issued to a first-time visitor at the level of the visit, for the matter registered
 * at that visit; each level's handling (受理、办理、答复、复查、复核) is written on it (`entries`, by the
 * subscriber to case events). Number QB<place>-<year>-<seq>, per issuing bureau and year.
 */
export const rightsCards = pgTable(
  'rights_cards',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cardNo: text('card_no').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    /** The issuing bureau and its level (1 省, 2 市, 3 县, 4 乡镇). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    level: smallint('level').notNull(),
    holderNameEnc: text('holder_name_enc').notNull(),
    holderUserId: integer('holder_user_id').references(() => users.id),
    /** [{ stage, at, unitId, unit, level, note }] in order. */
    entries: jsonb('entries').$type<CardEntry[]>().notNull().default([]),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: ts('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('rights_cards_no_uq').on(t.cardNo),
    uniqueIndex('rights_cards_case_uq').on(t.caseId),
    uniqueIndex('rights_cards_seq_uq').on(t.unitId, t.year, t.seq),
    index('rights_cards_jurisdiction_idx').on(t.jurisdictionCode, t.issuedAt),
    index('rights_cards_holder_idx').on(t.holderUserId),
  ],
);

/**
 * A visit made with a card (凭卡走访), checked at registration: the level visited, the level the
 * card's matter sits at, and whether it skipped a level (越级); the guidance notice if one was issued.
 */
export const rightsCardVisits = pgTable(
  'rights_card_visits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cardId: integer('card_id')
      .notNull()
      .references(() => rightsCards.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    visitLevel: smallint('visit_level').notNull(),
    matterLevel: smallint('matter_level').notNull(),
    verdict: text('verdict').notNull(),
    skipped: boolean('skipped').notNull(),
    /** The matter registered at this visit, if any. */
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    checkedBy: integer('checked_by')
      .notNull()
      .references(() => users.id),
    checkedAt: ts('checked_at').notNull(),
    guidanceAt: ts('guidance_at'),
  },
  (t) => [
    index('rights_card_visits_card_idx').on(t.cardId),
    index('rights_card_visits_jurisdiction_idx').on(t.jurisdictionCode, t.checkedAt),
  ],
);

// ---- video reception (视频接访) ----

/**
 * 视频接访: a video room between an upper bureau's staff and a citizen (by their portal account) or
 * a county reception hall (a staff user of a lower bureau), optionally on a matter. `status`
 * scheduled → in_progress (first join) → ended (the host ends it; the session goes on the case).
 */
export const videoRooms = pgTable(
  'video_rooms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    /** The booking this room was created for (reception.booked, kind 视频接访); unique. */
    bookingId: integer('booking_id'),
    /** The host bureau (the upper bureau receiving) and its place: scope of lists. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    scheduledAt: ts('scheduled_at').notNull(),
    /** Staff receiving (接访人). */
    hostUserId: integer('host_user_id')
      .notNull()
      .references(() => users.id),
    /** The citizen, by their portal account (may be null when a hall joins instead). */
    citizenUserId: integer('citizen_user_id').references(() => users.id),
    /** The county reception hall: a staff user of a lower bureau. */
    hallUserId: integer('hall_user_id').references(() => users.id),
    status: text('status').notNull(), // scheduled | in_progress | ended | cancelled
    /** 录音录像: the petitioner's consent, and when it was recorded; null: not asked / refused. */
    recordingConsent: boolean('recording_consent').notNull().default(false),
    consentAt: ts('consent_at'),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    notes: text('notes'),
    /** Who joined and left when: [{userId, name, role, joinedAt, leftAt}]. */
    attendance: jsonb('attendance').notNull().default([]),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('video_rooms_booking_uq').on(t.bookingId),
    index('video_rooms_case_idx').on(t.caseId),
    index('video_rooms_scope_idx').on(t.jurisdictionCode, t.scheduledAt),
    index('video_rooms_citizen_idx').on(t.citizenUserId),
  ],
);

/** A recording of a video session (MediaRecorder webm), encrypted at rest, linked to the case. */
export const videoRecordings = pgTable(
  'video_recordings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roomId: integer('room_id')
      .notNull()
      .references(() => videoRooms.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('video_recordings_room_idx').on(t.roomId), index('video_recordings_case_idx').on(t.caseId)],
);

// ---- reception hall (接待大厅) ----

/**
 * 来访登记 at a hall's counter: a queue number per hall (the bureau's unit) per day (排队叫号).
 * Personal data encrypted; the ID number's keyed hash finds the visitor's earlier matters.
 */
export const hallVisits = pgTable(
  'hall_visits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    queueNo: integer('queue_no').notNull(),
    nameEnc: text('name_enc').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    phoneEnc: text('phone_enc'),
    /** 集体访: number of visitors, and their ≤ 5 representatives (encrypted JSON [{name, idNumber}]). */
    visitors: integer('visitors').notNull().default(1),
    representativesEnc: text('representatives_enc'),
    purpose: text('purpose').notNull(),
    status: text('status').notNull(), // waiting | called | done | left
    counter: text('counter'),
    calledAt: ts('called_at'),
    calledBy: integer('called_by').references(() => users.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    registeredBy: integer('registered_by')
      .notNull()
      .references(() => users.id),
    registeredAt: ts('registered_at').notNull(),
  },
  (t) => [
    uniqueIndex('hall_visits_queue_uq').on(t.unitId, t.day, t.queueNo),
    index('hall_visits_id_hash_idx').on(t.idNumberHash),
  ],
);

/** 法律顾问定期接待: which lawyer is on duty at a hall on which day. */
export const lawyerDuties = pgTable(
  'lawyer_duties',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    lawyerName: text('lawyer_name').notNull(),
    firm: text('firm').notNull(),
    specialty: text('specialty'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('lawyer_duties_uq').on(t.unitId, t.day, t.lawyerName)],
);

/** A duty lawyer's consultation (法律咨询意见), recorded on the matter (and the hall visit). */
export const lawyerConsultations = pgTable(
  'lawyer_consultations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dutyId: integer('duty_id')
      .notNull()
      .references(() => lawyerDuties.id),
    visitId: integer('visit_id').references(() => hallVisits.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    advice: text('advice').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('lawyer_consultations_case_idx').on(t.caseId)],
);

// ---- mediation ----

/** 调解组织: a mediation body of a jurisdiction (人民调解委员会, 行政调解, 法院诉调对接). */
export const mediationBodies = pgTable(
  'mediation_bodies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(), // src/domain/mediation/referrals.ts MEDIATION_KINDS
    name: text('name').notNull(),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    /** The organ it belongs to (司法局, the department, the court), when it is one of ours. */
    hostUnitId: integer('host_unit_id').references(() => units.id),
    address: text('address'),
    /** The body's office telephone (not a person's). */
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mediation_bodies_name_uq').on(t.jurisdictionCode, t.name),
    index('mediation_bodies_jurisdiction_idx').on(t.jurisdictionCode),
  ],
);

/** 移交调解: a matter (or a part of it) referred to a mediation body, and what came of it. */
export const mediationReferrals = pgTable(
  'mediation_referrals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    bodyId: integer('body_id')
      .notNull()
      .references(() => mediationBodies.id),
    /** The case's place, copied for scoped lists and counts. */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    scope: text('scope').notNull(), // 'whole' | 'part'
    /** The part referred, in words (部分移交). */
    part: text('part'),
    reason: text('reason').notNull(), // 移交说明
    deadline: date('deadline', { mode: 'string' }).notNull(),
    mediator: text('mediator'), // 调解员
    status: text('status').notNull(),
    referringUnitId: integer('referring_unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit handling the matter when it was referred: it follows the mediation too. */
    handlingUnitId: integer('handling_unit_id').references(() => units.id),
    referredBy: integer('referred_by')
      .notNull()
      .references(() => users.id),
    referredAt: ts('referred_at').notNull(),
    concludedBy: integer('concluded_by').references(() => users.id),
    concludedAt: ts('concluded_at'),
    outcomeNote: text('outcome_note'),
    /** 调解协议书: its terms and number 〔2026〕调协字第N号 (per body and year). */
    agreementTerms: text('agreement_terms'),
    agreementYear: integer('agreement_year'),
    agreementSeq: integer('agreement_seq'),
    /** The case event of the lifecycle action `settle` that settled the matter on this agreement. */
    settledEventId: bigint('settled_event_id', { mode: 'number' }),
    history: jsonb('history').$type<HistoryEntry[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mediation_referrals_agreement_uq').on(t.bodyId, t.agreementYear, t.agreementSeq),
    index('mediation_referrals_case_idx').on(t.caseId),
    index('mediation_referrals_body_idx').on(t.bodyId, t.referredAt),
    index('mediation_referrals_jurisdiction_idx').on(t.jurisdictionCode, t.referredAt),
  ],
);

/** 调解记录: one session of a referral. Attendees may be petitioners: encrypted (Pii). */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    referralId: integer('referral_id')
      .notNull()
      .references(() => mediationReferrals.id),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    /** JSON [{ name, role }], encrypted (Pii). */
    attendeesEnc: text('attendees_enc').notNull(),
    notes: text('notes').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('mediation_sessions_referral_idx').on(t.referralId)],
);

/** 第三方参与: a lawyer, a counsellor or a social worker taking part in a matter. */
export const caseInterventions = pgTable(
  'case_interventions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(), // 'lawyer' | 'counselling' | 'social_work'
    /** Who took part (the professional) and their organisation (律师事务所, 心理咨询机构…). */
    provider: text('provider').notNull(),
    organization: text('organization'),
    date: date('date', { mode: 'string' }).notNull(),
    activity: text('activity').notNull(), // what was done
    result: text('result').notNull(), // what came of it
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordingUnitId: integer('recording_unit_id').references(() => units.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_interventions_case_idx').on(t.caseId)],
);

// ---- experts ----

/** 专家库: an expert, their field, level, availability and own unit (for 回避). */
export const experts = pgTable(
  'experts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    level: text('level').notNull(),
    title: text('title'), // 职称/职务
    /** Their own unit when it is one of the platform's units (conflict-of-interest check). */
    unitId: integer('unit_id').references(() => units.id),
    affiliation: text('affiliation').notNull(), // 工作单位, as written
    /** The jurisdiction whose library holds them. */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    availability: text('availability').notNull().default('available'),
    expertise: text('expertise'), // 擅长领域
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('experts_jurisdiction_idx').on(t.jurisdictionCode, t.field)],
);

/** 专家指派: an expert assigned to a matter (or its backlog matter), and their written opinion. */
export const expertAssignments = pgTable(
  'expert_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    backlogMatterId: integer('backlog_matter_id').references(() => backlogMatters.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    purpose: text('purpose').notNull(), // 'consult' | 'backlog_supervision'
    question: text('question').notNull(), // 咨询事项
    complainedUnitId: integer('complained_unit_id').references(() => units.id),
    status: text('status').notNull(),
    assigningUnitId: integer('assigning_unit_id')
      .notNull()
      .references(() => units.id),
    assignedBy: integer('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull(),
    opinion: text('opinion'), // 专家意见
    opinionDate: date('opinion_date', { mode: 'string' }),
    opinionRecordedBy: integer('opinion_recorded_by').references(() => users.id),
    opinionAt: ts('opinion_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // An expert is assigned to a matter once while the assignment is open.
    uniqueIndex('expert_assignments_open_uq').on(t.expertId, t.caseId).where(sql`status = 'assigned'`),
    index('expert_assignments_case_idx').on(t.caseId),
    index('expert_assignments_expert_idx').on(t.expertId, t.status),
  ],
);

// ---- linkage (联席会议、部门联动; 信访救助; 跨省协作; 三无县评定) ----

/** 联席会议成员单位 of a jurisdiction (province, city, county), materialised from the defaults at first use. */
export const linkageMembers = pgTable(
  'linkage_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    body: text('body').notNull(), // src/domain/linkage/referrals.ts MEMBER_BODIES
    name: text('name').notNull(),
    /** The platform unit of the same body (公安局, 民政局), whose staff may file its feedback. */
    unitId: integer('unit_id').references(() => units.id),
    /** 联络员 and office phone (staff contact, not a citizen's data). */
    liaison: text('liaison'),
  },
  (t) => [uniqueIndex('linkage_members_uq').on(t.jurisdictionCode, t.body)],
);

/** 部门联动: a matter referred to a joint-conference member by its type, tracked to its feedback. */
export const linkageReferrals = pgTable(
  'linkage_referrals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(), // REFERRAL_TYPES
    memberId: integer('member_id')
      .notNull()
      .references(() => linkageMembers.id),
    /** The matter's place: scoped lists and counts. */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    reason: text('reason').notNull(), // 移交事由
    request: text('request').notNull(), // 工作要求
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    referringUnitId: integer('referring_unit_id')
      .notNull()
      .references(() => units.id),
    referredBy: integer('referred_by')
      .notNull()
      .references(() => users.id),
    referredAt: ts('referred_at').notNull(),
    feedback: text('feedback'),
    feedbackAt: ts('feedback_at'),
    closedAt: ts('closed_at'),
    /** Every step in words: refer, track, feedback, return, close. */
    history: jsonb('history').$type<HistoryEntry[]>().notNull().default([]),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('linkage_referrals_case_idx').on(t.caseId),
    index('linkage_referrals_jurisdiction_idx').on(t.jurisdictionCode, t.referredAt),
  ],
);

/** 信访救助: an application on a matter, approved level by level, paid, closed. Money in fen. */
export const reliefApplications = pgTable(
  'relief_applications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    // The applicant (personal data): encrypted, masked by role.
    applicantNameEnc: text('applicant_name_enc').notNull(),
    applicantIdEnc: text('applicant_id_enc'),
    reason: text('reason').notNull(), // 困难情况与申请理由
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    /** The amount approved so far (the latest level's), null before the first approval. */
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    /** The level whose approval is awaited (3 county, 2 city, 1 province); null when decided. */
    pendingLevel: smallint('pending_level'),
    status: text('status').notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    /** 发放记录: date, amount, method, voucher, paying body. */
    payments: jsonb('payments').notNull().default([]),
    /** 审批记录: level, unit, who, decision, amount, opinion, at. */
    approvals: jsonb('approvals').notNull().default([]),
    undertakingSigned: boolean('undertaking_signed').notNull().default(false),
    applyingUnitId: integer('applying_unit_id')
      .notNull()
      .references(() => units.id),
    appliedBy: integer('applied_by')
      .notNull()
      .references(() => users.id),
    appliedAt: ts('applied_at').notNull(),
    decidedAt: ts('decided_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('relief_applications_case_idx').on(t.caseId),
    index('relief_applications_jurisdiction_idx').on(t.jurisdictionCode, t.appliedAt),
  ],
);

/** 跨省协作: a matter involving another province, the counterpart bureau, letters and outcome. */
export const crossProvinceCooperations = pgTable(
  'cross_province_cooperations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    jurisdictionCode: code('jurisdiction_code').notNull(),
    counterpartProvince: text('counterpart_province').notNull(), // GB/T 2260 code
    counterpartBureau: text('counterpart_bureau').notNull(),
    subject: text('subject').notNull(), // 协作事项
    status: text('status').notNull(),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    letters: jsonb('letters').$type<CooperationLetter[]>().notNull().default([]),
    openingUnitId: integer('opening_unit_id')
      .notNull()
      .references(() => units.id),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cross_province_case_idx').on(t.caseId),
    index('cross_province_jurisdiction_idx').on(t.jurisdictionCode, t.openedAt),
  ],
);

/** 三无县（市、区）评定: one record per county and year, its evidence per criterion and result. */
export const sanwuEvaluations = pgTable(
  'sanwu_evaluations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    year: integer('year').notNull(),
    /** Per criterion: platform count, case ids, met, note (src/domain/linkage/sanwu.ts). */
    evidence: jsonb('evidence').$type<CriterionEvidence[]>().notNull().default([]),
    result: text('result'), // qualified | not_qualified; null while incomplete
    status: text('status').notNull(), // draft | decided
    opinion: text('opinion'),
    evaluatingUnitId: integer('evaluating_unit_id')
      .notNull()
      .references(() => units.id),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sanwu_evaluations_uq').on(t.jurisdictionCode, t.year)],
);

// ---- accusations ----

/**
 * 被反映人/被反映单位 of an accusation (检举控告, issue 11 item 7): the person (name encrypted like a
 * party's), their post, and the unit — a unit of the platform (then hidden from the matter and
 * never its holder) or free text for a body outside it.
 */
export const caseAccused = pgTable(
  'case_accused',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    personNameEnc: text('person_name_enc'),
    position: text('position'), // 职务
    unitId: integer('unit_id').references(() => units.id),
    unitName: text('unit_name'), // the unit's name, or the body named when it is not on the platform
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('case_accused_case_idx').on(t.caseId), index('case_accused_unit_idx').on(t.unitId)],
);

// ---- flags ----

/**
 * National flags on a matter (国家信访信息系统标识, issue 11 item 9): 重大紧急, 同意公开, 涉法涉诉,
 * 涉港澳台侨外, 扬言 (src/domain/flags.ts). One row per flag set; clearing deletes it.
 */
export const caseFlags = pgTable(
  'case_flags',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    flag: text('flag').notNull(),
    setBy: integer('set_by').references(() => users.id),
    setAt: ts('set_at').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.flag] }), index('case_flags_flag_idx').on(t.flag, t.caseId)],
);

/**
 * 重大紧急上报: a matter flagged 重大紧急 is reported to the petition bureau above the one in charge;
 * its leaders are told by SMS and acknowledge (签收) it in the console.
 */
export const flagReports = pgTable(
  'flag_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    flag: text('flag').notNull(),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    /** The superior bureau's jurisdiction: its scope sees the report. */
    jurisdictionCode: code('jurisdiction_code').notNull(),
    note: text('note'),
    reportedBy: integer('reported_by').references(() => users.id),
    reportedAt: ts('reported_at').notNull(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [
    uniqueIndex('flag_reports_case_flag_uq').on(t.caseId, t.flag),
    index('flag_reports_to_idx').on(t.toUnitId, t.acknowledgedAt),
  ],
);

// ---- cohandling ----

/**
 * 会办 (issue 11 item 5): a matter handled by a lead unit (牵头单位, the case's assigned unit) with
 * co-handling units; its 三跨三分离 marks and the bureau that coordinates it (the common superior).
 */
export const caseCohandling = pgTable('case_cohandling', {
  caseId: bigint('case_id', { mode: 'number' })
    .primaryKey()
    .references(() => cases.id),
  leadUnitId: integer('lead_unit_id')
    .notNull()
    .references(() => units.id),
  coordinatingUnitId: integer('coordinating_unit_id')
    .notNull()
    .references(() => units.id),
  /** 三跨三分离: cross_region, cross_department, cross_industry, separated_* (src/domain/cohandling.ts). */
  crossTypes: jsonb('cross_types').notNull().default([]),
  instructions: text('instructions'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull(),
});

/** Each co-handling unit's part (会办意见): what it did and found, for the lead unit's reply. */
export const caseCohandlingUnits = pgTable(
  'case_cohandling_units',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    feedback: text('feedback'),
    feedbackBy: integer('feedback_by').references(() => users.id),
    feedbackAt: ts('feedback_at'),
  },
  (t) => [uniqueIndex('case_cohandling_units_uq').on(t.caseId, t.unitId)],
);

// ---- apikeys ----

/**
 * 接口密钥: a machine client (服务账号) of an organisation. It acts as its service user (a users row
 * with no password, disabled for sign-in) in `role`, within `jurisdictionCode`'s subtree, and only
 * on the routes its scopes open (src/domain/apikeys/scopes.ts). The secret is stored as its SHA-256.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    serviceUserId: integer('service_user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** 'read' | 'register' | 'act', as a JSON array. */
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    /** The public part of the key ('xfk_<prefix>_…'), shown in lists. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Requests per minute. */
    rateLimit: integer('rate_limit').notNull().default(120),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('api_keys_prefix_uq').on(t.prefix), index('api_keys_unit_idx').on(t.unitId)],
);

// ---- webhooks ----

/** 事件推送订阅: an organisation's endpoint that receives the chosen case events of a jurisdiction. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Events of matters located in this subtree only. */
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    url: text('url').notNull(),
    /** Event types (src/domain/webhooks/events.ts), as a JSON array. */
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    /** The HMAC secret, encrypted (Pii): it must be read back to sign. */
    secretEnc: text('secret_enc').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_jurisdiction_idx').on(t.jurisdictionCode)],
);

/** One event to one subscription: the webhook outbox (pending → delivered, or dead after N tries). */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id),
    eventType: text('event_type').notNull(),
    /** Unique per event (e.g. 'case_event:123'): a retried command never delivers twice. */
    eventKey: text('event_key').notNull(),
    caseId: bigint('case_id', { mode: 'number' }),
    /** What is POSTed: no personal data (src/webhooks/payload.ts). */
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'), // pending | delivered | dead
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_uq').on(t.subscriptionId, t.eventKey),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_status_idx').on(t.subscriptionId, t.status, t.id),
  ],
);

/**
 * 检索同义词: groups of equivalent terms (拆迁/征收/征地拆迁). A search for any term of a group finds
 * matters with any other (expanded at query time, src/search/synonyms.ts: no re-index). One
 * dictionary for the installation, edited by province administrators; every change is audited and
 * bumps `version`.
 */
export const searchSynonyms = pgTable('search_synonyms', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  terms: text('terms').array().notNull(),
  note: text('note'),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// ---- attachments (附件) ----

/**
 * A file on a matter (photo, PDF, scanned letter, audio): at intake or on an action (evidence,
 * 送达回证, 会议纪要). The bytes are elsewhere (src/attachments/store.ts), encrypted, addressed by a
 * keyed hash of their content; the file name is personal data and encrypted too.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    /** The timeline event (action) it belongs to, if any. */
    caseEventId: bigint('case_event_id', { mode: 'number' }), // case_events.id (partitioned: no foreign key)
    purpose: text('purpose').notNull(), // src/domain/attachments/kinds.ts ATTACHMENT_PURPOSES
    kind: text('kind').notNull(), // image | pdf | audio
    /** Sniffed from the bytes, never the client's word. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    nameEnc: text('name_enc').notNull(),
    /** Where the bytes are: 'fs' (data dir) or 'db' (attachment_blobs). */
    storage: text('storage').notNull(),
    blobKey: text('blob_key').notNull(),
    thumbKey: text('thumb_key'),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploaderRole: text('uploader_role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_case_idx').on(t.caseId, t.id)],
);

/** The database backend of attachment bytes: encrypted content by its keyed address. */
export const attachmentBlobs = pgTable('attachment_blobs', {
  key: text('key').primaryKey(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * 节假日 entered by the province administrator for a year the shipped calendar (chinese-days) does
 * not cover: the State Council's holidays and make-up workdays of that year (src/calendar/).
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: text('date').primaryKey(), // 'YYYY-MM-DD'
    year: smallint('year').notNull(),
    kind: text('kind').notNull(), // 'holiday' | 'makeup_workday'
    name: text('name').notNull(), // 春节
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    enteredAt: ts('entered_at').notNull().defaultNow(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

/**
 * 信访内容分类, second and third levels: a versioned dictionary. Every change is a new row with the
 * next dictionary version; the entry of a code at version N is its row with the highest version ≤ N.
 * Rows are never updated or deleted, so a matter keeps the code it was filed with and its name.
 */
export const categoryEntries = pgTable(
  'category_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Dictionary version this row was written at: one edit, or one import of many rows. */
    version: integer('version').notNull(),
    code: code('code').notNull(), // 'XXYY00' (second level) or 'XXYYZZ' (third level)
    parentCode: code('parent_code').notNull(),
    level: smallint('level').notNull(), // 2 | 3
    name: text('name').notNull(),
    retired: boolean('retired').notNull().default(false),
    changedBy: integer('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [
    // One row per code and version; writers take turns (src/categories/commands.ts).
    uniqueIndex('category_entries_version_uq').on(t.version, t.code),
    index('category_entries_code_idx').on(t.code, t.version),
  ],
);

/**
 * 工作台: the staff member a matter is assigned to within the unit holding it (认领 / 移交). The
 * assignment counts only while `unit_id` still holds the matter (`cases.current_unit_id`): when the
 * matter moves on it falls back to the new unit's shared queue, with no row to clean up.
 */
export const caseAssignees = pgTable(
  'case_assignees',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => cases.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    assignedBy: integer('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull(),
  },
  (t) => [index('case_assignees_user_idx').on(t.userId, t.unitId)],
);

/** 工作台: a staff member's saved views (a queue with filters, under a name of their choosing). */
export const workbenchViews = pgTable(
  'workbench_views',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    queue: text('queue').notNull(),
    /** Case-list filters (keys of the workbench's FILTER_KEYS), as strings. */
    filters: jsonb('filters').$type<Record<string, string>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workbench_views_user_name_uq').on(t.userId, t.name)],
);

// ---- Intake classification (src/intake) ----------------------------------------------------------

/**
 * The classifier's suggestion for a matter, stored at registration (subscriber `intake.classify`):
 * the likeliest content categories with their probability and routed department, kept as advice
 * until a person confirms or changes the category (`cases.category_code` then holds it).
 */
export const caseClassifications = pgTable(
  'case_classifications',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => cases.id),
    /** The first suggestion's category code (null: a trained label outside the catalogue). */
    suggestedCode: text('suggested_code'),
    suggestedLabel: text('suggested_label').notNull(),
    /** Probability of the first suggestion, 0..1. */
    confidence: doublePrecision('confidence').notNull(),
    /** [{ category, code, probability, department: { key, name, unitId?, unitName? } }] (up to 3). */
    top: jsonb('top').notNull(),
    /** The words behind the first suggestion. */
    why: jsonb('why').notNull().default([]),
    modelVersion: text('model_version').notNull(),
    /** The routed unit of the first suggestion in the matter's place, when one exists. */
    routedUnitId: integer('routed_unit_id').references(() => units.id),
    suggestedAt: ts('suggested_at').notNull(),
    /** pending (待确认) | confirmed (采用建议) | changed (改为其他类别) | given (登记时已填写). */
    status: text('status').notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  // How the suggestions held up (src/intake/suggestionQuality.ts: decided ones of the last months,
  // the pending count) and the pending ones renewed when another model serves (reclassifyPending).
  (t) => [index('case_classifications_status_suggested_idx').on(t.status, t.suggestedAt)],
);

// ---- document drafts (文书草稿、签发) ----

/**
 * 文书草稿: the text of an opinion (处理意见书、复查意见书、复核意见书) written before it is issued,
 * previewed, signed off (签发) by a leader where the unit requires it, then issued through the
 * lifecycle action with exactly this text. One open draft per matter and action.
 */
export const documentDrafts = pgTable(
  'document_drafts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    /** reply | decide_review | decide_rereview */
    action: text('action').notNull(),
    /** The unit that drafts and issues (the matter's holder when the draft was made). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The action's text fields: outcome, request, facts, reasons, decision. No personal data. */
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    template: text('template').notNull(),
    status: text('status').notNull().default('draft'), // draft | signed | issued
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    signedBy: integer('signed_by').references(() => users.id),
    signedAt: ts('signed_at'),
    signComment: text('sign_comment'),
    issuedEventId: bigint('issued_event_id', { mode: 'number' }), // case_events.id (partitioned: no foreign key)
    issuedAt: ts('issued_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('document_drafts_case_idx').on(t.caseId),
    uniqueIndex('document_drafts_open_uq').on(t.caseId, t.action).where(sql`status <> 'issued'`),
  ],
);

/** 常用语: a unit's canned texts for replies and progress notes, with placeholders (src/cannedReplies). */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** 'reply' (处理/复查/复核意见) | 'note' (办理进展): src/domain/cannedReplies/purposes.ts. */
    purpose: text('purpose').notNull(),
    /** First-level content category (cases.category_code); null = every category. */
    categoryCode: text('category_code'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('canned_replies_unit_idx').on(t.unitId, t.purpose)],
);

/** 站内消息: one staff member's notifications (src/inbox; kinds in src/domain/inbox/kinds.ts). */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    caseId: bigint('case_id', { mode: 'number' }),
    supervisionId: integer('supervision_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Unique per user and cause ('assignment:event:123'): a retried command or pass adds nothing. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('inbox_items_dedupe_uq').on(t.userId, t.dedupeKey),
    index('inbox_items_user_idx').on(t.userId, t.id),
    index('inbox_items_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

/** A staff member's choice per kind of notification (absent: the kind's default). */
export const inboxPreferences = pgTable(
  'inbox_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    inApp: boolean('in_app').notNull(),
    sms: boolean('sms').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * 历史数据导入 (src/import): which matter each source row became, keyed by the source system's name and
 * its own case number, so a re-run of the same spreadsheet creates nothing new.
 */
export const caseImports = pgTable(
  'case_imports',
  {
    source: text('source').notNull(),
    sourceNo: text('source_no').notNull(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    importedAt: ts('imported_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.sourceNo] }), index('case_imports_case_idx').on(t.caseId)],
);

// ---- kiosk (大屏展示令牌) ----

/**
 * 大屏展示令牌: a revocable display token for the hall's big screen (/screen/?kiosk=…). Read-only,
 * the big screen's endpoints only (src/domain/kiosk), for one jurisdiction; it does not expire like a
 * 12-hour login, it works until an administrator revokes it. Only the secret's hash is kept.
 */
export const kioskTokens = pgTable(
  'kiosk_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Where the screen stands ('一楼接待大厅'). */
    name: text('name').notNull(),
    jurisdictionCode: code('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** The public part ('xfs_<prefix>_…'), shown in lists. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [
    uniqueIndex('kiosk_tokens_prefix_uq').on(t.prefix),
    index('kiosk_tokens_jurisdiction_idx').on(t.jurisdictionCode),
  ],
);

/**
 * 平台间交换 (src/exchange): a matter of this platform linked to one on another installation or a
 * 12345 hotline — `outgoing` when this platform sent it (转送/交办 down), `incoming` when it came in
 * (registered here as a new matter). An incoming link is unique per peer and the peer's number.
 */
export const exchangeLinks = pgTable(
  'exchange_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    /** The peer's id as configured (XINFANG_EXCHANGE_PEERS). */
    peerId: text('peer_id').notNull(),
    direction: text('direction').notNull(), // outgoing | incoming
    /** transfer (转送), assign (交办) or hotline (12345 工单). */
    kind: text('kind').notNull(),
    /** The matter's number on the peer (its case number, or the hotline's work-order number). */
    remoteNumber: text('remote_number'),
    /** sent, received, accepted, objected, resulted. */
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Not unique per matter: two 12345 work orders may land on one matter (a repeat is linked to it).
    index('exchange_links_case_idx').on(t.caseId),
    uniqueIndex('exchange_links_remote_uq').on(t.peerId, t.direction, t.remoteNumber),
  ],
);

/**
 * Every exchange message, both ways: `out` rows are the outbox (delivered with retries like the
 * webhook deliveries), `in` rows the receipt log that makes receiving idempotent (unique message id
 * per peer). The body carries personal data (the petitioner of a transferred matter), so it is
 * stored encrypted; the columns beside it carry none.
 */
export const exchangeMessages = pgTable(
  'exchange_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: text('message_id').notNull(),
    direction: text('direction').notNull(), // out | in
    peerId: text('peer_id').notNull(),
    type: text('type').notNull(),
    linkId: integer('link_id').references(() => exchangeLinks.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    bodyEnc: text('body_enc').notNull(),
    /** out: pending → delivered | dead; in: received. */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exchange_messages_id_uq').on(t.direction, t.peerId, t.messageId),
    index('exchange_messages_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('exchange_messages_case_idx').on(t.caseId),
  ],
);

/**
 * 微信信访: a citizen's account linked to their WeChat official-account openid (src/wechat/). The
 * openid is personal data: looked up by its keyed hash, kept only encrypted (to address template
 * messages), never logged. One openid per account and one account per openid.
 */
export const wechatLinks = pgTable(
  'wechat_links',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    openidHash: text('openid_hash').notNull(),
    openidEnc: text('openid_enc').notNull(),
    /** Follows the official account (关注公众号): progress notices go by template message, else SMS. */
    following: boolean('following').notNull(),
    linkedAt: ts('linked_at').notNull().defaultNow(),
    /** When WeChat last refused a message because the user no longer follows (43004). */
    unfollowedAt: ts('unfollowed_at'),
  },
  (t) => [uniqueIndex('wechat_links_openid_uq').on(t.openidHash)],
);

/**
 * Runs of the scheduled daily jobs, one row per slot (the Asia/Shanghai `dailyAt` instant it
 * served): with several API processes each scheduling the same run, the first to take the daily
 * jobs' advisory lock runs it and marks it finished, and the others find the slot done and skip
 * (src/jobs/scheduler.ts). `node` says which process ran it (host and pid), for operators.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    slot: ts('slot').notNull(),
    node: text('node').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);

/**
 * 历史分区归档: one row per partition `xinfang archive` moved to a file and dropped
 * (src/partitions/archive.ts). The file's SHA-256 is recorded here and beside the file.
 */
export const historyArchives = pgTable(
  'history_archives',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    tableName: text('table_name').notNull(),
    month: text('month').notNull(), // 'YYYY-MM', Beijing time
    partitionName: text('partition_name').notNull(),
    rows: bigint('rows', { mode: 'number' }).notNull(),
    /** The file's name as written (the directory may move; the name and checksum identify it). */
    file: text('file').notNull(),
    sha256: text('sha256').notNull(),
    archivedAt: ts('archived_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('history_archives_partition_uq').on(t.partitionName, t.archivedAt)],
);

/**
 * Where the audit chain leaves the database: each run of consecutive chain positions that was
 * archived, with the previous hash its first row carried and the hash of its last row. The
 * verifier (src/audit/chain.ts) crosses a gap in the chain only on such a run, so rows deleted
 * without an archive are still reported.
 */
export const auditArchiveRuns = pgTable('audit_archive_runs', {
  fromPos: bigint('from_pos', { mode: 'number' }).primaryKey(),
  toPos: bigint('to_pos', { mode: 'number' }).notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  archiveId: integer('archive_id')
    .notNull()
    .references(() => historyArchives.id),
});
