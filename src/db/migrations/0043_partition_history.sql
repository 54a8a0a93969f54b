-- Partitioned history (src/partitions/, docs/operations.md "Partitions"): audit_log and case_events
-- become tables partitioned by range of `at`, one partition per month (Beijing time) named
-- <table>_pYYYY_MM, plus <table>_default so that no insert ever fails. Each table is rebuilt with
-- its rows: the old one is renamed, the new one created with a partition for every month that has
-- rows and the next three, the rows copied, the old table dropped (with its indexes, recreated on
-- the new table after the copy), then the identity sequence put back where the old one stood (so
-- sequence numbers continue without reuse).
-- The primary keys become (seq, at) and (id, at): PostgreSQL enforces keys per partition. No
-- foreign key can reference case_events(id) alone any more, so the three that did are dropped.
ALTER TABLE "attachments" DROP CONSTRAINT "attachments_case_event_id_case_events_id_fk";--> statement-breakpoint
ALTER TABLE "case_documents" DROP CONSTRAINT "case_documents_event_id_case_events_id_fk";--> statement-breakpoint
ALTER TABLE "document_drafts" DROP CONSTRAINT "document_drafts_issued_event_id_case_events_id_fk";--> statement-breakpoint
ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned";--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint NOT NULL,
	"chain_pos" bigint,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" integer,
	"actor_role" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"summary" jsonb NOT NULL,
	"prev_hash" text,
	"hash" text,
	CONSTRAINT "audit_log_seq_at_pk" PRIMARY KEY("seq","at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
ALTER TABLE "case_events" RENAME TO "case_events_unpartitioned";--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint NOT NULL,
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" integer,
	"actor_role" text,
	"actor_unit_id" integer,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	CONSTRAINT "case_events_id_at_pk" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
DO $$
DECLARE
	t text;
	m timestamp;
	seqname text;
	last bigint;
	called boolean;
	gen text;
	keycol text;
	cols text;
BEGIN
	FOREACH t IN ARRAY ARRAY['audit_log', 'case_events'] LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t);
		-- Months on the Beijing clock, UTC+8 fixed (as src/domain/partitions/months.ts; the zone
		-- database's Asia/Shanghai would add the summer time of 1986-1991).
		FOR m IN EXECUTE format(
			'SELECT DISTINCT date_trunc(''month'', ("at" AT TIME ZONE ''UTC'') + interval ''8 hours'') FROM %I
			 UNION SELECT date_trunc(''month'', (now() AT TIME ZONE ''UTC'') + interval ''8 hours'') + make_interval(months => g)
			 FROM generate_series(0, 3) g', t || '_unpartitioned')
		LOOP
			EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
				t || '_p' || to_char(m, 'YYYY_MM'), t,
				(m - interval '8 hours') AT TIME ZONE 'UTC', (m + interval '1 month' - interval '8 hours') AT TIME ZONE 'UTC');
		END LOOP;
		-- By name: the old tables' columns were added over several migrations, in another order.
		SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
			FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t;
		EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I', t, cols, cols, t || '_unpartitioned');
		keycol := CASE t WHEN 'audit_log' THEN 'seq' ELSE 'id' END;
		gen := CASE t WHEN 'audit_log' THEN 'BY DEFAULT' ELSE 'ALWAYS' END;
		seqname := pg_get_serial_sequence(quote_ident(t || '_unpartitioned'), keycol);
		EXECUTE format('SELECT last_value, is_called FROM %s', seqname) INTO last, called;
		EXECUTE format('DROP TABLE %I', t || '_unpartitioned');
		EXECUTE format('ALTER TABLE %I ALTER COLUMN %I ADD GENERATED %s AS IDENTITY', t, keycol, gen);
		PERFORM setval(pg_get_serial_sequence(quote_ident(t), keycol), last, called);
	END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_pos_uq" ON "audit_log" USING btree ("chain_pos","at");--> statement-breakpoint
CREATE INDEX "audit_unsealed_idx" ON "audit_log" USING btree ("seq") WHERE chain_pos is null;--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_user_id","seq");
