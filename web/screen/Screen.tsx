// 数据大屏: the caller's jurisdiction at a glance — today's and this month's totals, the key rates,
// the map by city, the 12-month trend, the category ranking, hotspots and a ticker of open
// warnings, with a clock. Laid out for 1920×1080 and scaled to the window; every figure is fetched
// again each minute. Strangers are sent to the console's login and come back here. The hall's
// screen opens /screen/?kiosk=TOKEN instead (大屏展示令牌, src/kiosk): no 12-hour login; a revoked
// token gets the login page. Rates, map and ranking cover the last 30 days (month-to-date on the 4th
// is a handful of matters) and every rate says how many matters it stands on.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { hotspotTitle } from '../../src/domain/hotspotSubject.ts';
import type { KioskScreen as ScreenAnswer } from '../../src/kiosk/contract.ts';
import {
  useHotspots,
  useIndicators,
  useOpenWarnings,
  useTrend,
  type Warning,
} from '../shared/analytics/api.ts';
import { Chart, codeOfRegion, hasMap, useMap } from '../shared/analytics/echarts.tsx';
import {
  int,
  last30Days,
  MIN_RATE_SAMPLE,
  monthStart,
  pct,
  sampleText,
  today,
} from '../shared/analytics/format.ts';
import { barOption, mapOption, partialLabel, trendOption } from '../shared/analytics/options.ts';
import { ApiError, api, errorMessage, SESSION_ENDED, setKioskToken } from '../shared/api.ts';
import { useMe } from '../shared/session.ts';

const REFRESH = 60_000;
const W = 1920;
const H = 1080;
const LOGIN = '/console/login?next=/screen/';

/** The display token in the address (?kiosk=…), if the screen was opened with one. */
const kioskParam = () => new URLSearchParams(window.location.search).get('kiosk');

export function ScreenApp() {
  const kiosk = kioskParam();
  return kiosk ? <KioskScreen token={kiosk} /> : <StaffScreen />;
}

function StaffScreen() {
  const me = useMe();
  useEffect(() => {
    if (me.data === null) window.location.replace(LOGIN);
    else if (me.data?.role === 'citizen') window.location.replace('/portal/');
  }, [me.data]);
  if (me.isError) return <Notice text={errorMessage(me.error)} />;
  if (!me.data || me.data.role === 'citizen') return <Notice text="正在登录…" />;
  if (!me.data.jurisdiction) return <Notice text="当前账号没有所属辖区，无法查看大屏" />;
  return <Scaled>{<Board place={me.data.jurisdiction} />}</Scaled>;
}

/** With a display token: what it shows comes from the token; revoked or unknown → the login page. */
function KioskScreen({ token }: { token: string }) {
  setKioskToken(token);
  const screen = useQuery({
    queryKey: ['kiosk-screen'],
    queryFn: () => api<ScreenAnswer>('/api/v1/kiosk/screen'),
    refetchInterval: REFRESH,
    retry: (n, e) => !(e instanceof ApiError && e.status === 401) && n < 3,
  });
  useEffect(() => {
    const revoked = () => window.location.replace(LOGIN);
    window.addEventListener(SESSION_ENDED, revoked);
    return () => window.removeEventListener(SESSION_ENDED, revoked);
  }, []);
  const e = screen.error;
  useEffect(() => {
    if (e instanceof ApiError && e.status === 401) window.location.replace(LOGIN);
  }, [e]);
  if (e && !(e instanceof ApiError && e.status === 401)) return <Notice text={errorMessage(e)} />;
  if (!screen.data) return <Notice text="正在连接…" />;
  return <Scaled>{<Board place={screen.data.jurisdiction} />}</Scaled>;
}

function Notice({ text }: { text: string }) {
  return <div className="xs-notice">{text}</div>;
}

/** Keeps the 1920×1080 board whole in any window (the hall's screen is exactly that size). */
function Scaled({ children }: { children: React.ReactNode }) {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const fitToWindow = () => setScale(Math.min(window.innerWidth / W, window.innerHeight / H));
    fitToWindow();
    window.addEventListener('resize', fitToWindow);
    return () => window.removeEventListener('resize', fitToWindow);
  }, []);
  return (
    <div className="xs-stage">
      <div className="xs-board" style={{ width: W, height: H, transform: `scale(${scale})` }}>
        {children}
      </div>
    </div>
  );
}

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function Clock() {
  const now = useNow();
  // Shanghai time whatever the screen's own time zone.
  const s = new Date(now.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    <div className="xs-clock" role="timer" aria-label="时钟">
      <span className="xs-time">
        {p(s.getUTCHours())}:{p(s.getUTCMinutes())}:{p(s.getUTCSeconds())}
      </span>
      <span>
        {s.getUTCFullYear()}年{s.getUTCMonth() + 1}月{s.getUTCDate()}日 星期{WEEKDAYS[s.getUTCDay()]}
      </span>
    </div>
  );
}

function Panel({
  title,
  children,
  className,
}: {
  title: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section className={`xs-panel ${className ?? ''}`} aria-label={title}>
      <h2>{title}</h2>
      <div className="xs-panel-body">{children}</div>
    </section>
  );
}

/** A rate with the number of matters it stands on; too few say so instead of a figure to alarm on. */
function Rate({
  label,
  value,
  n,
}: {
  label: string;
  value: number | null | undefined;
  n: number | undefined;
}) {
  const thin = n !== undefined && n < MIN_RATE_SAMPLE;
  return (
    <Big
      label={label}
      value={pct(value)}
      sub={n === undefined ? undefined : `近30天${sampleText(n)}${thin ? ' 样本少' : ''}`}
    />
  );
}

function Big({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'warn' }) {
  return (
    <div className={`xs-big ${tone === 'warn' ? 'xs-warn' : ''}`}>
      <div className="xs-big-label">{label}</div>
      <div className="xs-big-value" data-testid="big-number">
        {value}
      </div>
      <div className="xs-big-sub">{sub ?? '\u00a0'}</div>
    </div>
  );
}

const signed = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${r >= 0 ? '↑' : '↓'}${Math.abs(r * 100).toFixed(1)}%`;

/** The empty state of a panel: not deployed (null), failed, or no data. */
function Empty({ data, error }: { data: unknown; error: unknown }) {
  const text =
    error instanceof ApiError
      ? error.message
      : error
        ? '数据加载失败'
        : data === null
          ? '暂未启用'
          : '暂无数据';
  return <div className="xs-empty">{text}</div>;
}

function Board({ place }: { place: { code: string; name: string } }) {
  const scope = place.code;
  const scopeName = place.name;
  const opts = { refetchInterval: REFRESH };
  const day = today();
  const month = { from: monthStart(), to: day, scope };
  const recent = { ...last30Days(), scope };
  const todays = useIndicators({ from: day, to: day, scope }, 'none', opts);
  const months = useIndicators(month, 'none', opts);
  const recents = useIndicators(recent, 'none', opts);
  const byPlace = useIndicators(recent, 'jurisdiction', opts);
  const byCategory = useIndicators(recent, 'category', opts);
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const trend = useTrend(
    { from: new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10), to: day, scope },
    'month',
    opts,
  );
  // A month's clusters are few early in the month: the hall sees the last 90 days.
  const since = new Date(Date.parse(`${day}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
  const hotspots = useHotspots({ from: since, to: day, scope }, 8, opts);
  const warnings = useOpenWarnings(scope, opts);
  const [selected, setSelected] = useState<{ code: string; name: string } | null>(null);
  const mapScope = selected?.code ?? scope;
  const drilled = useIndicators({ ...recent, scope: mapScope }, 'jurisdiction', {
    ...opts,
    enabled: selected !== null,
  });
  const mapRows = (selected ? drilled.data?.rows : byPlace.data?.rows) ?? [];
  const { map, error: mapError } = useMap(mapScope);
  const t = months.data?.totals;
  const r = recents.data?.totals;
  const updated = months.dataUpdatedAt
    ? new Date(months.dataUpdatedAt + 8 * 3600_000).toISOString().slice(11, 19)
    : '';
  const cats = (byCategory.data?.rows ?? [])
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, 10)
    .map((r) => ({ label: r.label, value: r.total }));
  const open = warnings.data?.items ?? [];

  return (
    <div className="xs-root">
      <header className="xs-header">
        <div className="xs-updated">数据更新于 {updated || '—'} · 每分钟自动刷新</div>
        <h1>{scopeName}信访工作态势</h1>
        <Clock />
      </header>
      <section className="xs-bigs" aria-label="主要指标">
        <Big label="今日信访量" value={int(todays.data?.totals.total)} sub="件" />
        <Big
          label={`本月信访量（${partialLabel(day).slice(2)}）`}
          value={int(t?.total)}
          sub={`较去年同期 ${signed(t?.yoy)}`}
        />
        <Rate label="及时受理率" value={r?.timelyAcceptanceRate} n={r?.acceptanceDecided} />
        <Rate label="按期办结率" value={r?.onTimeCompletionRate} n={r?.completed} />
        <Rate label="群众满意率" value={r?.satisfactionRate} n={r?.rated} />
        <Rate label="网上信访占比" value={r?.onlineShare} n={r?.total} />
        <Big
          label="待处置预警"
          value={warnings.data === null ? '—' : int(warnings.data?.items.length)}
          sub={`高风险 ${open.filter((w) => w.level === 'high').length}`}
          tone={open.length ? 'warn' : undefined}
        />
      </section>
      <div className="xs-body">
        <div className="xs-col">
          <Panel title="近30天问题类别排行">
            {cats.length ? (
              <Chart
                theme="dark"
                // The chart is a canvas: its figures in words for screen readers.
                aria-label={`本月问题类别排行：${[...cats]
                  .sort((x, y) => y.value - x.value)
                  .slice(0, 5)
                  .map((c) => `${c.label}${c.value}件`)
                  .join('，')}`}
                style={{ height: 340 }}
                option={barOption(cats, true, '#36cfc9')}
              />
            ) : (
              <Empty data={byCategory.data} error={byCategory.error} />
            )}
          </Panel>
          <Panel title="近90日热点问题" className="xs-grow">
            {hotspots.data?.items.length ? (
              <ol className="xs-hot">
                {hotspots.data.items.slice(0, 6).map((h) => (
                  <li key={`${h.label}-${h.place?.code ?? ''}`}>
                    <span className="xs-hot-label">
                      {h.place?.name} {hotspotTitle(h)}
                    </span>
                    <span className="xs-hot-size">{h.size}件</span>
                  </li>
                ))}
              </ol>
            ) : (
              <Empty data={hotspots.data} error={hotspots.error} />
            )}
          </Panel>
        </div>
        <div className="xs-col xs-center">
          <Panel title={`${selected?.name ?? scopeName}近30天信访分布`} className="xs-grow">
            {selected ? (
              <button type="button" className="xs-back" onClick={() => setSelected(null)}>
                返回{scopeName}
              </button>
            ) : null}
            {map === undefined ? (
              <div className="xs-empty" style={{ height: 640 }} aria-busy="true">
                {mapError ? errorMessage(mapError) : ''}
              </div>
            ) : map ? (
              <Chart
                theme="dark"
                aria-label="信访量地图"
                style={{ height: 640 }}
                option={mapOption(
                  map,
                  mapRows.map((r) => ({ name: r.label, value: r.total })),
                  true,
                )}
                onEvents={{
                  click: (p: { name: string }) => {
                    const code = codeOfRegion(map, p.name);
                    if (!selected && code && hasMap(code)) setSelected({ code, name: p.name });
                  },
                }}
              />
            ) : (
              <div className="xs-empty">县（市、区）以下不分图显示</div>
            )}
          </Panel>
        </div>
        <div className="xs-col">
          <Panel title="近12个月信访量趋势">
            {trend.data?.points.length ? (
              <Chart
                theme="dark"
                aria-label={`近12个月信访量：${trend.data.points.map((p) => `${p.period} ${p.total}件`).join('，')}`}
                style={{ height: 340 }}
                option={trendOption(trend.data.points, true)}
              />
            ) : (
              <Empty data={trend.data} error={trend.error} />
            )}
          </Panel>
          <Panel title="预警信息" className="xs-grow">
            {open.length ? <Ticker items={open} /> : <Empty data={warnings.data} error={warnings.error} />}
          </Panel>
        </div>
      </div>
    </div>
  );
}

/** Open warnings scrolling upwards (the list twice, so the loop has no seam); still when few. */
function Ticker({ items }: { items: Warning[] }) {
  const moving = items.length > 5;
  const line = (w: Warning, i: number) => (
    <li key={`${w.id}-${i}`} className={w.level === 'high' ? 'xs-high' : ''}>
      <span className="xs-level">{w.level === 'high' ? '高' : '中'}</span>
      <span className="xs-ticker-title">{w.title}</span>
      <span className="xs-ticker-time">
        {new Date(new Date(w.createdAt).getTime() + 8 * 3600_000)
          .toISOString()
          .slice(5, 16)
          .replace('T', ' ')}
      </span>
    </li>
  );
  return (
    <div className="xs-ticker" role="marquee" aria-label="预警滚动">
      <ul
        className={moving ? 'xs-ticker-move' : ''}
        style={moving ? { animationDuration: `${items.length * 3}s` } : undefined}
      >
        {items.map(line)}
        {moving ? items.map((w, i) => line(w, i + items.length)) : null}
      </ul>
    </div>
  );
}
