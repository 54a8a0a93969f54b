DROP INDEX "case_sig_bands_bucket_idx";--> statement-breakpoint
CREATE INDEX "case_sig_bands_bucket_idx" ON "case_sig_bands" USING btree ("bucket","received_at","case_id");