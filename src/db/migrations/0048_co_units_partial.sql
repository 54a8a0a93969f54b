-- The co-handling GIN index holds only the matters that have co-handling units: on the whole column
-- (mostly empty arrays) PostgreSQL could not estimate `@>` and assumed 0.5 % of all cases match,
-- which made it AND the index with others and compile plans (JIT) for a few rows (docs/performance.md).
DROP INDEX "cases_co_units_idx";--> statement-breakpoint
CREATE INDEX "cases_co_units_idx" ON "cases" USING gin ("co_unit_ids") WHERE co_unit_ids <> '{}';