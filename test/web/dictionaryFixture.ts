// An entry of the 二、三级分类 dictionary as GET /api/v1/categories/dictionary gives it, for the web
// tests that put a dictionary into the query cache.
export const dictionaryEntry = (
  code: string,
  parentCode: string,
  level: number,
  name: string,
  retired = false,
) => ({
  code,
  parentCode,
  level,
  name,
  retired,
  version: 1,
  changedAt: '2026-12-01T00:00:00.000Z',
});
