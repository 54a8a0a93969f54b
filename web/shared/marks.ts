// Reading a search hit's `highlight` (GET /api/v1/cases?q=): escaped text whose only markup is
// <mark>…</mark>. Split into parts here and rendered as text by Highlight.tsx — never as HTML.

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** Alternating plain and marked parts: even indexes plain, odd indexes marked. */
export function highlightParts(highlight: string): string[] {
  return highlight.split(/<mark>|<\/mark>/).map(unescapeHtml);
}
