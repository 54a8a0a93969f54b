// `npx tsx bench/duplicate-thresholds.ts`: how similar petitions are, to choose the thresholds of
// src/duplicates (docs/duplicates.md). On the seeder's templated texts (src/seed/templates.ts):
//   - different categories (unrelated matters),
//   - the same category (mostly the same template with other places, names and numbers: the same
//     KIND of problem raised by different people about different estates, companies, villages),
//   - near-duplicates: one petition re-typed with small edits (other numbers, phrases added, two
//     characters dropped; the heavy edit also drops a whole clause), as a repeat or a 联名 copy looks.
// Prints quantiles of the exact Jaccard similarity, of the MinHash estimate and the share of pairs
// that share an LSH bucket (i.e. would be looked at).

import { estimateJaccard, jaccard, minhash, shingles, signatureOf } from '../src/duplicates/minhash.ts';
import { CATEGORIES } from '../src/seed/catalog.ts';
import { createRng, type Rng } from '../src/seed/random.ts';
import { petitionText } from '../src/seed/templates.ts';

const rng = createRng(7);
const place = { county: '鼓楼区', towns: ['宁海路街道', '湖南路街道', '中央门街道', '华侨路街道'] };
const PER_CATEGORY = 30;

const texts = CATEGORIES.map((c) =>
  Array.from({ length: PER_CATEGORY }, () => {
    const t = petitionText(rng, c.code, place);
    return `${t.subject}\n${t.content}`;
  }),
);

const FILLERS = ['我们已经多次反映', '恳请领导重视', '此事影响很大', '希望尽快给予答复', '特此来信'];
/** A light edit: other numbers, two phrases added, two characters dropped (a re-typed repeat). */
function lightEdit(r: Rng, text: string): string {
  const chars = [...text.replace(/\d+/g, () => String(r.int(1, 999)))];
  for (let k = 0; k < 2; k++) chars.splice(r.int(0, chars.length - 1), 1);
  for (let k = 0; k < 2; k++) chars.splice(r.int(0, chars.length), 0, ...r.pick(FILLERS));
  return chars.join('');
}
/** A heavier edit: one clause dropped, then the light edit. */
function heavyEdit(r: Rng, text: string): string {
  const clauses = text.split(/(?<=[，。])/);
  if (clauses.length > 2) clauses.splice(r.int(0, clauses.length - 1), 1);
  return lightEdit(r, clauses.join(''));
}

interface Pair {
  exact: number;
  est: number;
  bucket: boolean;
}
function measure(a: string, b: string): Pair {
  const sa = signatureOf('', a, '320106');
  const sb = signatureOf('', b, '320106');
  return {
    exact: jaccard(shingles(a), shingles(b)),
    est: estimateJaccard(minhash(shingles(a)), minhash(shingles(b))),
    bucket: sa.bands.some((x) => sb.bands.includes(x)),
  };
}

const groups: Record<string, Pair[]> = { unrelated: [], same_category: [], light_edit: [], heavy_edit: [] };
for (let i = 0; i < texts.length; i++) {
  const list = texts[i] ?? [];
  for (let a = 0; a < list.length; a++) {
    const t = list[a] as string;
    groups.light_edit?.push(measure(t, lightEdit(rng, t)));
    groups.heavy_edit?.push(measure(t, heavyEdit(rng, t)));
    for (let b = a + 1; b < list.length; b++) groups.same_category?.push(measure(t, list[b] as string));
    const other = texts[(i + 1) % texts.length]?.[a];
    if (other) groups.unrelated?.push(measure(t, other));
  }
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};
const f = (x: number) => x.toFixed(2);
const share = (xs: Pair[], pred: (p: Pair) => boolean) =>
  `${((100 * xs.filter(pred).length) / xs.length).toFixed(1)}%`;
process.stdout.write(
  '| pairs | n | exact J p5 / p50 / p95 | estimate p5 / p50 / p95 | |est−exact| p95 | est ≥ 0.5 | est ≥ 0.6 | share a bucket |\n|---|---:|---|---|---:|---:|---:|---:|\n',
);
for (const [name, ps] of Object.entries(groups)) {
  const ex = ps.map((p) => p.exact);
  const es = ps.map((p) => p.est);
  process.stdout.write(
    `| ${name} | ${ps.length} | ${f(q(ex, 0.05))} / ${f(q(ex, 0.5))} / ${f(q(ex, 0.95))} | ` +
      `${f(q(es, 0.05))} / ${f(q(es, 0.5))} / ${f(q(es, 0.95))} | ${f(
        q(
          ps.map((p) => Math.abs(p.est - p.exact)),
          0.95,
        ),
      )} | ` +
      `${share(ps, (p) => p.est >= 0.5)} | ${share(ps, (p) => p.est >= 0.6)} | ${share(ps, (p) => p.bucket)} |\n`,
  );
}
