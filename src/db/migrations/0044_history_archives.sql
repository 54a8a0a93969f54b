CREATE TABLE "audit_archive_runs" (
	"from_pos" bigint PRIMARY KEY NOT NULL,
	"to_pos" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"archive_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history_archives" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "history_archives_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"table_name" text NOT NULL,
	"month" text NOT NULL,
	"partition_name" text NOT NULL,
	"rows" bigint NOT NULL,
	"file" text NOT NULL,
	"sha256" text NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_archive_runs" ADD CONSTRAINT "audit_archive_runs_archive_id_history_archives_id_fk" FOREIGN KEY ("archive_id") REFERENCES "public"."history_archives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "history_archives_partition_uq" ON "history_archives" USING btree ("partition_name","archived_at");