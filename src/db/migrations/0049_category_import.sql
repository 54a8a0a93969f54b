-- An import of the official tree writes many entries at one dictionary version (one version per
-- change, a change being one edit or one import): unique per code and version, not per version.
-- Writers take turns under a transaction lock instead of racing for the version (src/categories/).
DROP INDEX "category_entries_version_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "category_entries_version_uq" ON "category_entries" USING btree ("version","code");