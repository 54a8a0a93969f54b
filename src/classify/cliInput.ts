// What the classify commands read: the labelled CSV (texts joined from the chosen columns, labels as
// category names) and the database a command names.
import fs from 'node:fs';
import { appConfigFromEnv } from '../config/index.ts';
import { type Executor, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { categoryByCode } from '../domain/categories.ts';
import { parseCsvObjects } from './csv.ts';

/**
 * Reads the training CSV: texts joined from the --text columns, labels from --label. A label that is
 * a category code (e.g. an export of `cases.category_code`) becomes that category's name, so the
 * model's labels are names, as the routing table and the registrar's 采用 expect.
 */
export function readTrainingCsv(file: string, textCols: string, labelCol: string) {
  const { header, rows } = parseCsvObjects(fs.readFileSync(file, 'utf8'));
  const cols = textCols
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const missing = [...cols, labelCol].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new Error(`CSV 缺少列 / missing columns: ${missing.join(', ')} (header: ${header.join(', ')})`);
  }
  const texts: string[] = [];
  const labels: string[] = [];
  /** Each kept row's number in the file (1 = the first after the header). */
  const rowOfFile: number[] = [];
  let skipped = 0;
  for (const [n, r] of rows.entries()) {
    const raw = (r[labelCol] ?? '').trim();
    const label = categoryByCode(raw)?.name ?? raw;
    const text = cols
      .map((c) => (r[c] ?? '').trim())
      .filter(Boolean)
      .join('。');
    if (!label || !text) {
      skipped++;
      continue;
    }
    texts.push(text);
    labels.push(label);
    rowOfFile.push(n + 1);
  }
  const counts: Record<string, number> = {};
  for (const l of labels) counts[l] = (counts[l] ?? 0) + 1;
  return { texts, labels, rowOfFile, skipped, counts };
}

/** Opens the database the command names (`--data` or DATABASE_URL), migrated, for `use`; always closes it. */
export async function withDatabase<T>(data: string, use: (db: Executor) => Promise<T>): Promise<T> {
  const database = await openDatabase(appConfigFromEnv({ data }));
  try {
    await migrate(database);
    return await use(database.db);
  } finally {
    await database.close();
  }
}

/** A `--version` option: a stored version's number, or 'lexicon' for the built-in lexicon. */
export function versionOption(raw: string): number | 'lexicon' {
  const v = raw === 'lexicon' ? 'lexicon' : Number(raw);
  if (v !== 'lexicon' && !Number.isInteger(v))
    throw new Error('--version 应为整数或 lexicon / an integer or "lexicon"');
  return v;
}
