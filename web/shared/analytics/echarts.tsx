// ECharts for the analytics pages and the big screen: only the charts and components they draw are
// registered (echarts/core), so this chunk stays far smaller than the whole library, and it is
// imported only by lazily loaded routes. The Jiangsu boundaries ship with the app
// (web/shared/geo/jiangsu.json, built by scripts/build-jiangsu-geojson.ts): no map tiles, nothing
// fetched from the internet.
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
import geo from '../geo/jiangsu.json';

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

/** Map names: 'jiangsu' (the 13 cities) and 'jiangsu-320100' (one city's counties). */
export const PROVINCE_MAP = 'jiangsu';
export const PROVINCE_CODE = '320000';
echarts.registerMap(PROVINCE_MAP, geo.cities as unknown as GeoJson);
const cityCodes = new Set(geo.cities.features.map((f) => f.id));
const registered = new Set<string>();

/** The map to draw for a scope: the province, one city's counties, or none (a county or town). */
export function mapFor(scope: string): string | null {
  if (scope === PROVINCE_CODE) return PROVINCE_MAP;
  if (!cityCodes.has(scope)) return null;
  const name = `${PROVINCE_MAP}-${scope}`;
  if (!registered.has(name)) {
    const features = geo.counties.features.filter((f) => f.properties.city === scope);
    echarts.registerMap(name, { type: 'FeatureCollection', features } as unknown as GeoJson);
    registered.add(name);
  }
  return name;
}

/** Feature name → jurisdiction code, for the map's click → drill-down. */
export function codeOfRegion(map: string, name: string): string | undefined {
  const features = map === PROVINCE_MAP ? geo.cities.features : geo.counties.features;
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

/** One chart; `notMerge` so a filter change never leaves series of the previous answer behind. */
export function Chart({ option, style, onEvents, theme, ...rest }: ChartProps) {
  return (
    <div role="img" aria-label={rest['aria-label']} style={{ width: '100%' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={theme === 'dark' ? { backgroundColor: 'transparent', ...option } : option}
        notMerge
        theme={theme}
        style={style ?? { height: 320 }}
        onEvents={onEvents}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
