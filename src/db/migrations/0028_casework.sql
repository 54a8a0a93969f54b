CREATE TABLE "case_accused" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_accused_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"person_name_enc" text,
	"position" text,
	"unit_id" integer,
	"unit_name" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "case_flags" (
	"case_id" bigint NOT NULL,
	"flag" text NOT NULL,
	"set_by" integer,
	"set_at" timestamp with time zone NOT NULL,
	"note" text,
	CONSTRAINT "case_flags_case_id_flag_pk" PRIMARY KEY("case_id","flag")
);
--> statement-breakpoint
CREATE TABLE "flag_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "flag_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"flag" text NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"note" text,
	"reported_by" integer,
	"reported_at" timestamp with time zone NOT NULL,
	"acknowledged_by" integer,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "hidden_from_unit_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "co_unit_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "case_accused" ADD CONSTRAINT "case_accused_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_accused" ADD CONSTRAINT "case_accused_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_accused" ADD CONSTRAINT "case_accused_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_coordinating_unit_id_units_id_fk" FOREIGN KEY ("coordinating_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling" ADD CONSTRAINT "case_cohandling_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling_units" ADD CONSTRAINT "case_cohandling_units_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling_units" ADD CONSTRAINT "case_cohandling_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cohandling_units" ADD CONSTRAINT "case_cohandling_units_feedback_by_users_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_reports" ADD CONSTRAINT "flag_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_reports" ADD CONSTRAINT "flag_reports_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_reports" ADD CONSTRAINT "flag_reports_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_reports" ADD CONSTRAINT "flag_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_reports" ADD CONSTRAINT "flag_reports_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_accused_case_idx" ON "case_accused" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_accused_unit_idx" ON "case_accused" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cohandling_units_uq" ON "case_cohandling_units" USING btree ("case_id","unit_id");--> statement-breakpoint
CREATE INDEX "case_flags_flag_idx" ON "case_flags" USING btree ("flag","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_reports_case_flag_uq" ON "flag_reports" USING btree ("case_id","flag");--> statement-breakpoint
CREATE INDEX "flag_reports_to_idx" ON "flag_reports" USING btree ("to_unit_id","acknowledged_at");