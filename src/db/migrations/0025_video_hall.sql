CREATE TABLE "hall_visits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hall_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"queue_no" integer NOT NULL,
	"name_enc" text NOT NULL,
	"id_number_enc" text,
	"id_number_hash" text,
	"phone_enc" text,
	"visitors" integer DEFAULT 1 NOT NULL,
	"representatives_enc" text,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"counter" text,
	"called_at" timestamp with time zone,
	"called_by" integer,
	"case_id" bigint,
	"registered_by" integer NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lawyer_consultations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lawyer_consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"duty_id" integer NOT NULL,
	"visit_id" integer,
	"case_id" bigint,
	"advice" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lawyer_duties" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lawyer_duties_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"lawyer_name" text NOT NULL,
	"firm" text NOT NULL,
	"specialty" text,
	"created_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_recordings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "video_recordings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"room_id" integer NOT NULL,
	"case_id" bigint,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_rooms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "video_rooms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"case_id" bigint,
	"booking_id" integer,
	"unit_id" integer NOT NULL,
	"jurisdiction_code" text COLLATE "C" NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"host_user_id" integer NOT NULL,
	"citizen_user_id" integer,
	"hall_user_id" integer,
	"status" text NOT NULL,
	"recording_consent" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"notes" text,
	"attendance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hall_visits" ADD CONSTRAINT "hall_visits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_visits" ADD CONSTRAINT "hall_visits_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_visits" ADD CONSTRAINT "hall_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_visits" ADD CONSTRAINT "hall_visits_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_consultations" ADD CONSTRAINT "lawyer_consultations_duty_id_lawyer_duties_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."lawyer_duties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_consultations" ADD CONSTRAINT "lawyer_consultations_visit_id_hall_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."hall_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_consultations" ADD CONSTRAINT "lawyer_consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_consultations" ADD CONSTRAINT "lawyer_consultations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_duties" ADD CONSTRAINT "lawyer_duties_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lawyer_duties" ADD CONSTRAINT "lawyer_duties_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_recordings" ADD CONSTRAINT "video_recordings_room_id_video_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."video_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_recordings" ADD CONSTRAINT "video_recordings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_recordings" ADD CONSTRAINT "video_recordings_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rooms" ADD CONSTRAINT "video_rooms_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rooms" ADD CONSTRAINT "video_rooms_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rooms" ADD CONSTRAINT "video_rooms_host_user_id_users_id_fk" FOREIGN KEY ("host_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rooms" ADD CONSTRAINT "video_rooms_citizen_user_id_users_id_fk" FOREIGN KEY ("citizen_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rooms" ADD CONSTRAINT "video_rooms_hall_user_id_users_id_fk" FOREIGN KEY ("hall_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_rooms" ADD CONSTRAINT "video_rooms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hall_visits_queue_uq" ON "hall_visits" USING btree ("unit_id","day","queue_no");--> statement-breakpoint
CREATE INDEX "hall_visits_id_hash_idx" ON "hall_visits" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "lawyer_consultations_case_idx" ON "lawyer_consultations" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lawyer_duties_uq" ON "lawyer_duties" USING btree ("unit_id","day","lawyer_name");--> statement-breakpoint
CREATE INDEX "video_recordings_room_idx" ON "video_recordings" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "video_recordings_case_idx" ON "video_recordings" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "video_rooms_booking_uq" ON "video_rooms" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "video_rooms_case_idx" ON "video_rooms" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "video_rooms_scope_idx" ON "video_rooms" USING btree ("jurisdiction_code","scheduled_at");--> statement-breakpoint
CREATE INDEX "video_rooms_citizen_idx" ON "video_rooms" USING btree ("citizen_user_id");