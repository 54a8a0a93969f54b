CREATE TABLE "cross_province_cooperations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cross_province_cooperations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"counterpart_province" text NOT NULL,
	"counterpart_bureau" text NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"letters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opening_unit_id" integer NOT NULL,
	"opened_by" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "linkage_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "linkage_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"body" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" integer,
	"liaison" text
);
--> statement-breakpoint
CREATE TABLE "linkage_referrals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "linkage_referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"type" text NOT NULL,
	"member_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"reason" text NOT NULL,
	"request" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"referring_unit_id" integer NOT NULL,
	"referred_by" integer NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"feedback" text,
	"feedback_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relief_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relief_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"applicant_name_enc" text NOT NULL,
	"applicant_id_enc" text,
	"reason" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"pending_level" smallint,
	"status" text NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"payments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"undertaking_signed" boolean DEFAULT false NOT NULL,
	"applying_unit_id" integer NOT NULL,
	"applied_by" integer NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanwu_evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sanwu_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" text,
	"status" text NOT NULL,
	"opinion" text,
	"evaluating_unit_id" integer NOT NULL,
	"updated_by" integer NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cross_province_cooperations" ADD CONSTRAINT "cross_province_cooperations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_province_cooperations" ADD CONSTRAINT "cross_province_cooperations_opening_unit_id_units_id_fk" FOREIGN KEY ("opening_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_province_cooperations" ADD CONSTRAINT "cross_province_cooperations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_members" ADD CONSTRAINT "linkage_members_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_members" ADD CONSTRAINT "linkage_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_referrals" ADD CONSTRAINT "linkage_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_referrals" ADD CONSTRAINT "linkage_referrals_member_id_linkage_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."linkage_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_referrals" ADD CONSTRAINT "linkage_referrals_referring_unit_id_units_id_fk" FOREIGN KEY ("referring_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkage_referrals" ADD CONSTRAINT "linkage_referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_applying_unit_id_units_id_fk" FOREIGN KEY ("applying_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanwu_evaluations" ADD CONSTRAINT "sanwu_evaluations_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanwu_evaluations" ADD CONSTRAINT "sanwu_evaluations_evaluating_unit_id_units_id_fk" FOREIGN KEY ("evaluating_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanwu_evaluations" ADD CONSTRAINT "sanwu_evaluations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanwu_evaluations" ADD CONSTRAINT "sanwu_evaluations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cross_province_case_idx" ON "cross_province_cooperations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cross_province_jurisdiction_idx" ON "cross_province_cooperations" USING btree ("jurisdiction_code","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "linkage_members_uq" ON "linkage_members" USING btree ("jurisdiction_code","body");--> statement-breakpoint
CREATE INDEX "linkage_referrals_case_idx" ON "linkage_referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "linkage_referrals_jurisdiction_idx" ON "linkage_referrals" USING btree ("jurisdiction_code","referred_at");--> statement-breakpoint
CREATE INDEX "relief_applications_case_idx" ON "relief_applications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "relief_applications_jurisdiction_idx" ON "relief_applications" USING btree ("jurisdiction_code","applied_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sanwu_evaluations_uq" ON "sanwu_evaluations" USING btree ("jurisdiction_code","year");