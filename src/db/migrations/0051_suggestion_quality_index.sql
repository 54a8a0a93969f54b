-- How the intake suggestions held up (/intake/suggestion-quality: decided ones of the last months,
-- the pending count) and the pending ones renewed when another classifier serves: by status and time.
CREATE INDEX "case_classifications_status_suggested_idx" ON "case_classifications" USING btree ("status","suggested_at");