CREATE TABLE "hotspot_terms" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"terms" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hotspot_terms" ADD CONSTRAINT "hotspot_terms_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;