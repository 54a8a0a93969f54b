CREATE TABLE "case_interventions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_interventions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"organization" text,
	"date" date NOT NULL,
	"activity" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"recording_unit_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expert_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"expert_id" integer NOT NULL,
	"case_id" bigint NOT NULL,
	"backlog_matter_id" integer,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"purpose" text NOT NULL,
	"question" text NOT NULL,
	"complained_unit_id" integer,
	"status" text NOT NULL,
	"assigning_unit_id" integer NOT NULL,
	"assigned_by" integer NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"opinion" text,
	"opinion_date" date,
	"opinion_recorded_by" integer,
	"opinion_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"title" text,
	"unit_id" integer,
	"affiliation" text NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"availability" text DEFAULT 'available' NOT NULL,
	"expertise" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_bodies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediation_bodies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"host_unit_id" integer,
	"address" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_referrals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediation_referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"body_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"scope" text NOT NULL,
	"part" text,
	"reason" text NOT NULL,
	"deadline" date NOT NULL,
	"mediator" text,
	"status" text NOT NULL,
	"referring_unit_id" integer NOT NULL,
	"handling_unit_id" integer,
	"referred_by" integer NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"concluded_by" integer,
	"concluded_at" timestamp with time zone,
	"outcome_note" text,
	"agreement_terms" text,
	"agreement_year" integer,
	"agreement_seq" integer,
	"settled_event_id" bigint,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mediation_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"referral_id" integer NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"attendees_enc" text NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_recording_unit_id_units_id_fk" FOREIGN KEY ("recording_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_backlog_matter_id_backlog_matters_id_fk" FOREIGN KEY ("backlog_matter_id") REFERENCES "public"."backlog_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_complained_unit_id_units_id_fk" FOREIGN KEY ("complained_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_assigning_unit_id_units_id_fk" FOREIGN KEY ("assigning_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_assignments" ADD CONSTRAINT "expert_assignments_opinion_recorded_by_users_id_fk" FOREIGN KEY ("opinion_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_bodies" ADD CONSTRAINT "mediation_bodies_host_unit_id_units_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_referrals" ADD CONSTRAINT "mediation_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_referrals" ADD CONSTRAINT "mediation_referrals_body_id_mediation_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."mediation_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_referrals" ADD CONSTRAINT "mediation_referrals_referring_unit_id_units_id_fk" FOREIGN KEY ("referring_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_referrals" ADD CONSTRAINT "mediation_referrals_handling_unit_id_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_referrals" ADD CONSTRAINT "mediation_referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_referrals" ADD CONSTRAINT "mediation_referrals_concluded_by_users_id_fk" FOREIGN KEY ("concluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_referral_id_mediation_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."mediation_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_interventions_case_idx" ON "case_interventions" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_assignments_open_uq" ON "expert_assignments" USING btree ("expert_id","case_id") WHERE status = 'assigned';--> statement-breakpoint
CREATE INDEX "expert_assignments_case_idx" ON "expert_assignments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "expert_assignments_expert_idx" ON "expert_assignments" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "experts_jurisdiction_idx" ON "experts" USING btree ("jurisdiction_code","field");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_bodies_name_uq" ON "mediation_bodies" USING btree ("jurisdiction_code","name");--> statement-breakpoint
CREATE INDEX "mediation_bodies_jurisdiction_idx" ON "mediation_bodies" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_referrals_agreement_uq" ON "mediation_referrals" USING btree ("body_id","agreement_year","agreement_seq");--> statement-breakpoint
CREATE INDEX "mediation_referrals_case_idx" ON "mediation_referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_referrals_body_idx" ON "mediation_referrals" USING btree ("body_id","referred_at");--> statement-breakpoint
CREATE INDEX "mediation_referrals_jurisdiction_idx" ON "mediation_referrals" USING btree ("jurisdiction_code","referred_at");--> statement-breakpoint
CREATE INDEX "mediation_sessions_referral_idx" ON "mediation_sessions" USING btree ("referral_id");