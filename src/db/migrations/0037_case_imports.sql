CREATE TABLE "case_imports" (
	"source" text NOT NULL,
	"source_no" text NOT NULL,
	"case_id" bigint NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_imports_source_source_no_pk" PRIMARY KEY("source","source_no")
);
--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_imports_case_idx" ON "case_imports" USING btree ("case_id");