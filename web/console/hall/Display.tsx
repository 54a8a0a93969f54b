// 候诊叫号屏: opened full-screen on the hall's waiting-room screen (a console session of the hall,
// e.g. an analyst account): the number just called and its window large, the latest calls, the
// numbers next up and how many wait. Surnames only; it refreshes every few seconds.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { DisplayData } from './types.ts';

export default function HallDisplayPage() {
  const q = useQuery({
    queryKey: ['hall', 'display'],
    queryFn: () => api<DisplayData>('/api/v1/hall/display'),
    refetchInterval: 3000,
  });
  const d = q.data;
  const [now, ...earlier] = d?.called ?? [];
  return (
    <div
      className="xf-hall-display"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        background: '#7a0e0e',
        color: '#fff',
        padding: 40,
        display: 'flex',
        flexDirection: 'column',
        gap: 24,
      }}
    >
      <h1 style={{ color: '#fff', fontSize: 40, margin: 0 }}>{d?.hall ?? ''} 接待大厅 · 叫号</h1>
      <section
        aria-label="当前叫号"
        style={{ background: '#fff', color: '#7a0e0e', borderRadius: 12, padding: 32, textAlign: 'center' }}
      >
        {now ? (
          <>
            <div style={{ fontSize: 36 }}>请</div>
            <div style={{ fontSize: 120, fontWeight: 700, lineHeight: 1.1 }} data-testid="now-calling">
              {now.queueLabel} 号 {now.name}
            </div>
            <div style={{ fontSize: 48 }}>到 {now.counter}</div>
          </>
        ) : (
          <div style={{ fontSize: 48 }}>请取号等候</div>
        )}
      </section>
      <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 24, fontSize: 28 }}>
        <section aria-label="已叫号">
          <h2 style={{ color: '#fff' }}>已叫号</h2>
          {earlier.map((c) => (
            <div key={`${c.queueLabel}-${c.calledAt}`}>
              {c.queueLabel} 号 {c.name} → {c.counter}
            </div>
          ))}
        </section>
        <section aria-label="等候">
          <h2 style={{ color: '#fff' }}>等候 {d?.waiting ?? 0} 人</h2>
          <div>即将叫号：{(d?.nextUp ?? []).join('、') || '—'}</div>
        </section>
      </div>
    </div>
  );
}
