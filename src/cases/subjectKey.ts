// The SQL side of the repeat lookup's subject comparison (src/cases/repeats.ts), shared with the
// indexes that hold it (src/db/schema.ts). Literals, not parameters: a query matches an expression
// or partial index only when it spells the same expression.
//   - SUBJECT_KEY_SQL equals repeats.ts' `normalise` (whitespace removed, lower case) on "safe" text:
//     ASCII, CJK ideographs and punctuation, full-width forms other than letters.
//   - UNUSUAL_SUBJECT_SQL is true for a subject with any other character; such rows are compared
//     in JS (rare: a small partial index).
export const SUBJECT_KEY_SQL = "lower(regexp_replace(subject, '[\\t\\n\\v\\f\\r \\u3000]', '', 'g'))";
export const UNUSUAL_SUBJECT_SQL =
  "subject ~ '[^\\x01-\\x7f\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uff20\\uff3b-\\uff40\\uff5b-\\uffef]'";
/** The JS twin of UNUSUAL_SUBJECT_SQL: text the SQL key compares exactly as `normalise` does. */
export const SAFE_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is meant, controls included
  /^[\u0001-\u007f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uff20\uff3b-\uff40\uff5b-\uffef]*$/;
