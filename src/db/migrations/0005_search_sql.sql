-- Full-text search over cases (src/search, docs/search.md). The tokens are jieba's (written by the
-- application into search_tokens); PostgreSQL only indexes them, with the 'simple' configuration
-- (lower-casing, no stemming, no stop words). Existing rows are tokenised after migration by
-- src/search/backfill.ts, since SQL cannot run the segmenter.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("search_tokens", ''))) STORED;--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_vector");--> statement-breakpoint
-- Case numbers: a prefix or any fragment (LIKE '…%' / '%…%') is found through trigrams.
CREATE INDEX "cases_number_trgm_idx" ON "cases" USING gin ("case_number" gin_trgm_ops);--> statement-breakpoint
-- Backfill reads the rows still without tokens.
CREATE INDEX "cases_search_pending_idx" ON "cases" ("id") WHERE "search_tokens" IS NULL;
