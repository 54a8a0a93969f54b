// A multi-row INSERT of a JSON record set: one parameter however many rows (as the bulk seeder
// does), so a 500-row batch does not cost tens of thousands of bound parameters. Column names and
// types come from the Drizzle table, keys of the rows are the table's property names.
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export function jsonInsert<T extends PgTable>(
  table: T,
  rows: Partial<T['$inferInsert']>[],
  returning = '',
): SQL {
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const defs = keys.map((k) => {
    const c = columns[k];
    if (!c) throw new Error(`jsonInsert: no column ${k}`);
    // The record set only needs the value's type; a collation is the table's business.
    return { key: k, name: c.name, type: c.getSQLType().replace(/\s+COLLATE\s+\S+/i, '') };
  });
  const json = JSON.stringify(
    rows.map((r) =>
      Object.fromEntries(defs.map((d) => [d.name, (r as Record<string, unknown>)[d.key] ?? null])),
    ),
  );
  const names = defs.map((d) => `"${d.name}"`).join(', ');
  const types = defs.map((d) => `"${d.name}" ${d.type}`).join(', ');
  return sql`INSERT INTO ${table} (${sql.raw(names)})
    SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${json}::jsonb) AS x(${sql.raw(types)}) ${sql.raw(returning)}`;
}
