CREATE TABLE "backlog_checks" (
	"matter_id" integer NOT NULL,
	"standard" text NOT NULL,
	"evidence" text NOT NULL,
	"evidence_by" integer,
	"evidence_at" timestamp with time zone NOT NULL,
	"signed_by" integer,
	"signed_at" timestamp with time zone,
	CONSTRAINT "backlog_checks_pk" PRIMARY KEY("matter_id","standard")
);
--> statement-breakpoint
CREATE TABLE "backlog_matters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backlog_matters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"rule_hits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"level" text,
	"responsible_unit_id" integer,
	"deadline" date,
	"proposing_unit_id" integer,
	"approving_unit_id" integer,
	"proposed_by" integer,
	"proposed_at" timestamp with time zone,
	"identified_by" integer,
	"identified_at" timestamp with time zone,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backlog_package_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backlog_package_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"package_id" integer NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"note" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backlog_packages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backlog_packages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"matter_id" integer NOT NULL,
	"leader_user_id" integer NOT NULL,
	"leader_unit_id" integer,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"level" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"plan" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backlog_progress" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backlog_progress_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"matter_id" integer NOT NULL,
	"step_id" integer,
	"note" text NOT NULL,
	"user_id" integer,
	"unit_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backlog_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "backlog_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"matter_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner_unit_id" integer,
	"owner_name" text NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backlog_checks" ADD CONSTRAINT "backlog_checks_matter_id_backlog_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."backlog_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_checks" ADD CONSTRAINT "backlog_checks_evidence_by_users_id_fk" FOREIGN KEY ("evidence_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_checks" ADD CONSTRAINT "backlog_checks_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_matters" ADD CONSTRAINT "backlog_matters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_matters" ADD CONSTRAINT "backlog_matters_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_matters" ADD CONSTRAINT "backlog_matters_proposing_unit_id_units_id_fk" FOREIGN KEY ("proposing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_matters" ADD CONSTRAINT "backlog_matters_approving_unit_id_units_id_fk" FOREIGN KEY ("approving_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_matters" ADD CONSTRAINT "backlog_matters_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_matters" ADD CONSTRAINT "backlog_matters_identified_by_users_id_fk" FOREIGN KEY ("identified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_matters" ADD CONSTRAINT "backlog_matters_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_package_records" ADD CONSTRAINT "backlog_package_records_package_id_backlog_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."backlog_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_package_records" ADD CONSTRAINT "backlog_package_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_packages" ADD CONSTRAINT "backlog_packages_matter_id_backlog_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."backlog_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_packages" ADD CONSTRAINT "backlog_packages_leader_user_id_users_id_fk" FOREIGN KEY ("leader_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_packages" ADD CONSTRAINT "backlog_packages_leader_unit_id_units_id_fk" FOREIGN KEY ("leader_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_progress" ADD CONSTRAINT "backlog_progress_matter_id_backlog_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."backlog_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_progress" ADD CONSTRAINT "backlog_progress_step_id_backlog_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."backlog_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_progress" ADD CONSTRAINT "backlog_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_progress" ADD CONSTRAINT "backlog_progress_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_steps" ADD CONSTRAINT "backlog_steps_matter_id_backlog_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."backlog_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_steps" ADD CONSTRAINT "backlog_steps_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backlog_steps" ADD CONSTRAINT "backlog_steps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "backlog_matters_active_uq" ON "backlog_matters" USING btree ("case_id") WHERE status in ('candidate', 'proposed', 'identified', 'closing', 'unflagging');--> statement-breakpoint
CREATE INDEX "backlog_matters_case_idx" ON "backlog_matters" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "backlog_matters_jurisdiction_idx" ON "backlog_matters" USING btree ("jurisdiction_code","status");--> statement-breakpoint
CREATE INDEX "backlog_package_records_package_idx" ON "backlog_package_records" USING btree ("package_id");--> statement-breakpoint
CREATE UNIQUE INDEX "backlog_packages_uq" ON "backlog_packages" USING btree ("matter_id","leader_user_id");--> statement-breakpoint
CREATE INDEX "backlog_packages_leader_idx" ON "backlog_packages" USING btree ("leader_user_id","taken_at");--> statement-breakpoint
CREATE INDEX "backlog_packages_jurisdiction_idx" ON "backlog_packages" USING btree ("jurisdiction_code","taken_at");--> statement-breakpoint
CREATE INDEX "backlog_progress_matter_idx" ON "backlog_progress" USING btree ("matter_id","at");--> statement-breakpoint
CREATE INDEX "backlog_steps_matter_idx" ON "backlog_steps" USING btree ("matter_id");