// The `highlight` of a search hit: a short passage of the content (or the subject) around the first
// query word, HTML-escaped, with the query words wrapped in <mark>…</mark> — the only markup in it,
// so a client can render it by splitting on those two tags. ID and mobile numbers written into the
// text are masked first: a list row must not show more personal data than the case itself would.
import { maskIdNumber, maskPhone } from '../domain/masking.ts';

const WINDOW = 120;
const BEFORE = 30;

const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Masks ID and mobile numbers in place (same length, so offsets stay valid). */
export function maskNumbers(text: string): string {
  return text.replace(ID_IN_TEXT, maskIdNumber).replace(MOBILE_IN_TEXT, maskPhone);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/**
 * The normalised text (NFKC, lower case, as tokens are) with, for each of its UTF-16 units, the
 * offset of the original character it came from: matches are found in the former, cut from the latter.
 */
function normalised(text: string): { norm: string; from: number[] } {
  let norm = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    norm += n;
    for (let k = 0; k < n.length; k++) from.push(i);
    i += ch.length;
  }
  from.push(i);
  return { norm, from };
}

/** Matched [start, end) ranges of the original text, sorted and merged. */
function matches(text: string, terms: readonly string[]): [number, number][] {
  const { norm, from } = normalised(text);
  const ranges: [number, number][] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let at = norm.indexOf(t); at >= 0; at = norm.indexOf(t, at + t.length)) {
      const end = from[at + t.length] ?? text.length;
      ranges.push([from[at] ?? 0, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Never cut a surrogate pair in two. */
const safeCut = (text: string, at: number) =>
  at > 0 && at < text.length && /[\udc00-\udfff]/.test(text[at] ?? '') ? at - 1 : at;

function snippet(text: string, ranges: [number, number][]): string {
  const first = ranges[0]?.[0] ?? 0;
  let start = safeCut(text, Math.max(0, first - BEFORE));
  const end = safeCut(text, Math.min(text.length, start + WINDOW));
  if (end - start < WINDOW) start = safeCut(text, Math.max(0, end - WINDOW));
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const s1 = Math.max(s, start);
    const e1 = Math.min(e, end);
    out += `${escapeHtml(text.slice(at, s1))}<mark>${escapeHtml(text.slice(s1, e1))}</mark>`;
    at = e1;
  }
  out += escapeHtml(text.slice(at, end));
  return end < text.length ? `${out}…` : out;
}

/** The highlight for a case found by these query words; undefined when there is nothing to show. */
export function highlight(
  c: { subject: string; content: string },
  terms: readonly string[],
): string | undefined {
  if (terms.length === 0) return undefined;
  const content = maskNumbers(c.content.replace(/\s+/g, ' ').trim());
  const inContent = matches(content, terms);
  if (inContent.length > 0) return snippet(content, inContent);
  const subject = maskNumbers(c.subject);
  const inSubject = matches(subject, terms);
  return snippet(inSubject.length > 0 ? subject : content, inSubject);
}
