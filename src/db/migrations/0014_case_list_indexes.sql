-- Staff case list at 1M cases (docs/performance.md, "Staff list at scale"): indexes that hold the
-- scope's columns, so that a list's capped count (one count per part of the scope,
-- policies.caseScopeParts) is an index-only scan; a full due-date index (nulls last, as the list
-- sorts) instead of the partial one; small partial indexes for the 督办件 and 积案 filters.
DROP INDEX "cases_received_idx";--> statement-breakpoint
DROP INDEX "cases_bureau_idx";--> statement-breakpoint
DROP INDEX "cases_due_idx";--> statement-breakpoint
CREATE INDEX "cases_state_due_idx" ON "cases" USING btree ("state","due_at","id","jurisdiction_code","form","current_unit_id","bureau_unit_id","assigned_unit_id");--> statement-breakpoint
CREATE INDEX "cases_supervised_idx" ON "cases" USING btree ("due_at","id","state","jurisdiction_code","current_unit_id","bureau_unit_id","assigned_unit_id") WHERE supervised;--> statement-breakpoint
CREATE INDEX "cases_backlog_idx" ON "cases" USING btree ("due_at","id","state","jurisdiction_code","current_unit_id","bureau_unit_id","assigned_unit_id") WHERE backlog;--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" USING btree ("received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"jurisdiction_code","current_unit_id","bureau_unit_id","assigned_unit_id");--> statement-breakpoint
CREATE INDEX "cases_bureau_idx" ON "cases" USING btree ("bureau_unit_id","jurisdiction_code");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_at","id","jurisdiction_code","current_unit_id","bureau_unit_id","assigned_unit_id");