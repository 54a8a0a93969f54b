CREATE TABLE "wechat_links" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"openid_hash" text NOT NULL,
	"openid_enc" text NOT NULL,
	"following" boolean NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unfollowed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "wechat_links" ADD CONSTRAINT "wechat_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wechat_links_openid_uq" ON "wechat_links" USING btree ("openid_hash");