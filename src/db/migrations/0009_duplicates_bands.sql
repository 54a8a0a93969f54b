CREATE TABLE "case_sig_bands" (
	"bucket" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"case_id" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "case_signatures_bands_idx";--> statement-breakpoint
ALTER TABLE "case_sig_bands" ADD CONSTRAINT "case_sig_bands_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_sig_bands_bucket_idx" ON "case_sig_bands" USING btree ("bucket","received_at");