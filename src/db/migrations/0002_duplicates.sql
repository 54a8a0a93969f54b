CREATE TABLE "case_links" (
	"case_id" bigint NOT NULL,
	"linked_case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_signatures" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"county_code" text COLLATE "C" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"scheme" smallint NOT NULL,
	"minhash" integer[] NOT NULL,
	"bands" integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "group_suspect" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_linked_case_id_cases_id_fk" FOREIGN KEY ("linked_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_signatures" ADD CONSTRAINT "case_signatures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_links_uq" ON "case_links" USING btree ("case_id","linked_case_id");--> statement-breakpoint
CREATE INDEX "case_links_linked_idx" ON "case_links" USING btree ("linked_case_id");--> statement-breakpoint
CREATE INDEX "case_signatures_bands_idx" ON "case_signatures" USING gin ("bands");--> statement-breakpoint
CREATE INDEX "cases_group_suspect_idx" ON "cases" USING btree ("received_at") WHERE group_suspect;