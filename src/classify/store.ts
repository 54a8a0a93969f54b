// Trained classifiers live in the database (`classifier_models`), versioned, so every server node
// serves the same one. Saving a model makes it the active version in one transaction; readers keep
// the deserialised model in memory keyed by version and reload when the active version changes.
import { and, desc, eq, max } from 'drizzle-orm';
import { recordAudit } from '../audit/chain.ts';
import type { Db, Executor } from '../db/client.ts';
import { classifierModels } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { LexiconClassifier } from './lexicon.ts';
import { type Classifier, LinearModel } from './model.ts';

export const CATEGORY_MODEL = 'category';

export interface ActiveClassifier {
  classifier: Classifier;
  /** The stored version, or 'lexicon' for the built-in default. */
  version: number | 'lexicon';
}

export const LEXICON = new LexiconClassifier();

export async function saveModel(
  db: Db,
  model: LinearModel,
  info: {
    trainedOn: Record<string, unknown>;
    metrics?: Record<string, unknown> | null;
    actorUserId?: number | null;
    actorRole?: string | null;
    name?: string;
  },
): Promise<number> {
  const name = info.name ?? CATEGORY_MODEL;
  const bytes = model.serialize();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ v: max(classifierModels.version) })
      .from(classifierModels)
      .where(eq(classifierModels.name, name));
    const version = (row?.v ?? 0) + 1;
    await tx.update(classifierModels).set({ active: false }).where(eq(classifierModels.name, name));
    await tx.insert(classifierModels).values({
      name,
      version,
      trainedOn: info.trainedOn,
      metrics: info.metrics ?? null,
      model: bytes,
      active: true,
    });
    await recordAudit(tx, {
      actorUserId: info.actorUserId ?? null,
      actorRole: info.actorRole ?? null,
      action: 'classifier.train',
      entity: 'classifier_model',
      entityId: `${name}@${version}`,
      summary: {
        name,
        version,
        labels: [...model.labels],
        features: model.dim,
        bytes: bytes.length,
        trainedOn: info.trainedOn,
      },
    });
    return version;
  });
}

/**
 * Makes a stored version active, or — with 'lexicon' — none, so the built-in lexicon serves; inside
 * the caller's transaction. 404 `model_not_found` for a version never stored.
 */
export async function setActiveVersion(tx: Executor, version: number | 'lexicon', name = CATEGORY_MODEL) {
  if (version !== 'lexicon') {
    const found = await storedVersionId(tx, name, version);
    if (found === undefined)
      throw new AppError(404, 'model_not_found', `没有版本 ${version} / no stored version ${version}`);
  }
  await tx.update(classifierModels).set({ active: false }).where(eq(classifierModels.name, name));
  if (version !== 'lexicon') {
    await tx
      .update(classifierModels)
      .set({ active: true })
      .where(and(eq(classifierModels.name, name), eq(classifierModels.version, version)));
  }
}

/** `classify use`: the version made active in one transaction with its audit row (the console's is src/classify/commands.ts). */
export async function activateVersion(
  db: Db,
  version: number | 'lexicon',
  name = CATEGORY_MODEL,
): Promise<void> {
  await db.transaction(async (tx) => {
    await setActiveVersion(tx, version, name);
    await recordAudit(tx, {
      action: 'classifier.activate',
      entity: 'classifier_model',
      entityId: `${name}@${version}`,
      summary: { name, version },
    });
  });
}

export async function listModels(db: Db, name = CATEGORY_MODEL) {
  return db
    .select({
      version: classifierModels.version,
      createdAt: classifierModels.createdAt,
      active: classifierModels.active,
      trainedOn: classifierModels.trainedOn,
      metrics: classifierModels.metrics,
    })
    .from(classifierModels)
    .where(eq(classifierModels.name, name))
    .orderBy(desc(classifierModels.version));
}

const cache = new WeakMap<Db, Map<string, { version: number; model: LinearModel }>>();

/** The active classifier: the newest active stored model, else the lexicon. */
export async function activeClassifier(db: Db, name = CATEGORY_MODEL): Promise<ActiveClassifier> {
  const [active] = await db
    .select({ id: classifierModels.id, version: classifierModels.version })
    .from(classifierModels)
    .where(and(eq(classifierModels.name, name), eq(classifierModels.active, true)))
    .orderBy(desc(classifierModels.version))
    .limit(1);
  if (!active) return { classifier: LEXICON, version: 'lexicon' };
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const hit = perDb.get(name);
  if (hit && hit.version === active.version) return { classifier: hit.model, version: hit.version };
  const model = await loadModel(db, active.id);
  if (!model) return { classifier: LEXICON, version: 'lexicon' };
  perDb.set(name, { version: active.version, model });
  return { classifier: model, version: active.version };
}

/**
 * A stored version, active or not (`classify test --version N` scores a model before it is put into
 * service), or the lexicon; undefined when there is no such version. Not cached: the cache holds
 * the active version the server serves.
 */
export async function storedClassifier(
  db: Db,
  version: number | 'lexicon',
  name = CATEGORY_MODEL,
): Promise<ActiveClassifier | undefined> {
  if (version === 'lexicon') return { classifier: LEXICON, version };
  const id = await storedVersionId(db, name, version);
  const model = id === undefined ? undefined : await loadModel(db, id);
  return model ? { classifier: model, version } : undefined;
}

/** The row id of a stored version, undefined when it was never stored. */
async function storedVersionId(db: Executor, name: string, version: number): Promise<number | undefined> {
  const [row] = await db
    .select({ id: classifierModels.id })
    .from(classifierModels)
    .where(and(eq(classifierModels.name, name), eq(classifierModels.version, version)));
  return row?.id;
}

async function loadModel(db: Db, id: number): Promise<LinearModel | undefined> {
  const [row] = await db
    .select({ model: classifierModels.model })
    .from(classifierModels)
    .where(eq(classifierModels.id, id));
  return row ? LinearModel.deserialize(row.model as Uint8Array) : undefined;
}
