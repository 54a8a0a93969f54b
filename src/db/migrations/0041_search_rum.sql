-- Word searches on PostgreSQL with the RUM extension (docs/search.md, "RUM"): a RUM index that keeps
-- each case's received_at beside its lexemes, so the newest matches of a word come out of the index
-- in time order (`ORDER BY received_at <=| …`) instead of every match being read and sorted.
-- Optional: without the extension (PGlite, a server without postgresql-15-rum) the block rolls back
-- to its own savepoint, the migration succeeds, and searches keep using cases_search_idx (GIN),
-- which stays in any case. src/search/rum.ts looks the index up at run time.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS rum;
  CREATE INDEX IF NOT EXISTS cases_search_rum_idx ON cases
    USING rum (search_vector rum_tsvector_addon_ops, received_at)
    WITH (attach = 'received_at', to = 'search_vector');
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'RUM index not created (%): word searches use the GIN index', SQLERRM;
END
$$;
