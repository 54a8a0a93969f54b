-- 细分类: a matter may also carry a second or third level of the category dictionary (category_entries)
-- below its first-level category_code; null when none was chosen.
ALTER TABLE "cases" ADD COLUMN "subcategory_code" text;