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
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    chainPos: bigint('chain_pos', { mode: 'number' }),
    at: ts('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: jsonb('summary').notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    uniqueIndex('audit_chain_pos_uq').on(t.chainPos),
    // The sealer's queue: small, since rows leave it within moments of their commit.
    index('audit_unsealed_idx').on(t.seq).where(sql`chain_pos is null`),
    // The console's audit search by person (src/audit/search.ts), newest first.
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
    state: text('state').notNull(),
    outcome: text('outcome'),
    reasonCode: text('reason_code'),
    clocks: jsonb('clocks').notNull().default({}),
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
    // The repeat lookup at intake (src/cases/intake.ts repeatLookupSql): a citizen's earliest case
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
    index('cases_group_suspect_idx').on(t.receivedAt).where(sql`group_suspect`),
    // The workbench's 督办件 and 积案 filters: rare flags, so small partial indexes (by due date).
    index('cases_supervised_idx')
      .on(t.dueAt, t.id, t.state, t.jurisdictionCode, t.currentUnitId, t.bureauUnitId, t.assignedUnitId)
      .where(sql`supervised`),
    index('cases_backlog_idx')
      .on(t.dueAt, t.id, t.state, t.jurisdictionCode, t.currentUnitId, t.bureauUnitId, t.assignedUnitId)
      .where(sql`backlog`),
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

/** The timeline (办理过程): every action, with who, when and what changed. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
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
    detail: jsonb('detail').notNull().default({}),
    public: boolean('public').notNull().default(true),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** Written documents (文书) issued for a case: their data, and once rendered the bytes and hash. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    eventId: bigint('event_id', { mode: 'number' }).references(() => caseEvents.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    /** What the document says (DocumentData); the .docx is rendered from it on first download. */
    data: jsonb('data').notNull(),
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
  (t) => [index('case_sig_bands_bucket_idx').on(t.bucket, t.receivedAt)],
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
    plan: jsonb('plan').notNull().default({}),
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
    history: jsonb('history').notNull().default([]),
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
