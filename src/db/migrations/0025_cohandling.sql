CREATE TABLE "case_cohandling" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"lead_unit_id" integer NOT NULL,
	"coordinating_unit_id" integer NOT NULL,
	"cross_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"instructions" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_cohandling_units" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_cohandling_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"feedback" text,
	"feedback_by" integer,
	"feedback_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "co_unit_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_coordinating_unit_id_units_id_fk" FOREIGN KEY ("coordinating_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling_units" ADD CONSTRAINT "case_cohandling_units_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling_units" ADD CONSTRAINT "case_cohandling_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling_units" ADD CONSTRAINT "case_cohandling_units_feedback_by_users_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_cohandling_units_uq" ON "case_cohandling_units" USING btree ("case_id","unit_id");