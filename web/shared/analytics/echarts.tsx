// ECharts for the analytics pages and the big screen: only the charts and components they draw are
// registered (echarts/core), so this chunk stays far smaller than the whole library, and it is
// imported only by lazily loaded routes. The Jiangsu boundaries ship with the app
// (web/shared/geo/jiangsu.json, built by scripts/build-jiangsu-geojson.ts): no map tiles, nothing
// fetched from the internet. They are a hashed asset of their own (~440 kB, ~100 kB compressed), not
// part of this chunk: fetched when a map is first drawn, cached for a year, and unchanged by a
// deploy that changes code.

import { useQuery } from '@tanstack/react-query';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';
import geoUrl from '../geo/jiangsu.json?url';
import { reducedMotion } from '../motion.ts';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

type GeoJson = Parameters<typeof echarts.registerMap>[1];
interface Feature {
  id: string;
  properties: { name: string; city?: string };
}
/** web/shared/geo/jiangsu.json: the 13 cities, and the counties with their city's code. */
interface Geo {
  cities: { features: Feature[] };
  counties: { features: Feature[] };
}

/** Map names: 'jiangsu' (the 13 cities) and 'jiangsu-320100' (one city's counties). */
export const PROVINCE_MAP = 'jiangsu';
export const PROVINCE_CODE = '320000';
let geo: Geo | null = null;
let loading: Promise<Geo> | null = null;
const registered = new Set<string>();

/** Fetches the boundaries once per page and registers the province's map. */
function loadGeo(): Promise<Geo> {
  loading ??= fetch(geoUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`地图数据加载失败（${res.status}）`);
      return res.json() as Promise<Geo>;
    })
    .then((g) => {
      echarts.registerMap(PROVINCE_MAP, g.cities as unknown as GeoJson);
      registered.add(PROVINCE_MAP);
      geo = g;
      return g;
    })
    .catch((e: unknown) => {
      loading = null; // the next draw tries again
      throw e;
    });
  return loading;
}

/** Whether a scope has a map: the province, or one of its cities (code 32xx00). */
export function hasMap(scope: string): boolean {
  return scope === PROVINCE_CODE || /^32(?!00)\d\d00$/.test(scope);
}

function register(g: Geo, scope: string): string | null {
  if (scope === PROVINCE_CODE) return PROVINCE_MAP;
  const name = `${PROVINCE_MAP}-${scope}`;
  if (!registered.has(name)) {
    const features = g.counties.features.filter((f) => f.properties.city === scope);
    if (!features.length) return null;
    echarts.registerMap(name, { type: 'FeatureCollection', features } as unknown as GeoJson);
    registered.add(name);
  }
  return name;
}

/**
 * The map to draw for a scope: its name once the boundaries are loaded, `null` when the scope has
 * none (a county or town), `undefined` while loading (with `error` when that failed).
 */
export function useMap(scope: string): { map: string | null | undefined; error: unknown } {
  const wanted = hasMap(scope);
  const q = useQuery({
    queryKey: ['geo', geoUrl],
    queryFn: loadGeo,
    enabled: wanted,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  if (!wanted) return { map: null, error: null };
  if (!q.data) return { map: undefined, error: q.error };
  return { map: register(q.data, scope), error: null };
}

/** Feature name → jurisdiction code, for the map's click → drill-down (the map is drawn: loaded). */
export function codeOfRegion(map: string, name: string): string | undefined {
  const features = (map === PROVINCE_MAP ? geo?.cities : geo?.counties)?.features ?? [];
  return features.find((f) => f.properties.name === name)?.id ?? undefined;
}

export interface ChartProps {
  // biome-ignore lint/suspicious/noExplicitAny: the charts build their options as plain objects; typing them as EChartsOption is its own change
  option: any;
  style?: CSSProperties;
  /** Handlers by ECharts event name ('click', …). */
  // biome-ignore lint/suspicious/noExplicitAny: ECharts' event parameters differ by event and series type
  onEvents?: Record<string, (params: any) => void>;
  'aria-label'?: string;
  theme?: 'dark';
}

/**
 * One chart; `notMerge` so a filter change never leaves series of the previous answer behind. With
 * reduced motion asked for, drawn at once: ECharts otherwise grows bars and lines for a second at
 * every draw and filter change (and redraws the canvas at each frame meanwhile).
 */
export function Chart({ option, style, onEvents, theme, ...rest }: ChartProps) {
  const themed = theme === 'dark' ? { backgroundColor: 'transparent', ...option } : option;
  return (
    <div role="img" aria-label={rest['aria-label']} style={{ width: '100%' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={reducedMotion ? { ...themed, animation: false } : themed}
        notMerge
        theme={theme}
        style={style ?? { height: 320 }}
        onEvents={onEvents}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
