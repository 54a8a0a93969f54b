CREATE TABLE "case_classifications" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"suggested_code" text,
	"suggested_label" text NOT NULL,
	"confidence" double precision NOT NULL,
	"top" jsonb NOT NULL,
	"why" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"model_version" text NOT NULL,
	"routed_unit_id" integer,
	"suggested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_classifications" ADD CONSTRAINT "case_classifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_classifications" ADD CONSTRAINT "case_classifications_routed_unit_id_units_id_fk" FOREIGN KEY ("routed_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_classifications" ADD CONSTRAINT "case_classifications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;