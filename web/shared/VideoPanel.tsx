// The video panel of a room, for the console and the portal: the local camera small, each other
// participant large, their part named, and the call's state in words.
import { Alert, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CallState, VideoCall } from './videoCall.ts';

function Video({ stream, muted, label }: { stream: MediaStream | null; muted?: boolean; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <figure
      className="xf-video-tile"
      style={{ margin: 0, position: 'relative', background: '#111', borderRadius: 6, overflow: 'hidden' }}
    >
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={muted}
        style={{ width: '100%', display: 'block', minHeight: 120 }}
        aria-label={label}
      />
      <figcaption
        style={{
          position: 'absolute',
          left: 8,
          bottom: 6,
          color: '#fff',
          fontSize: 13,
          textShadow: '0 0 3px #000',
        }}
      >
        {label}
      </figcaption>
    </figure>
  );
}

const STATE_NAMES: Record<string, string> = {
  new: '等待连接',
  connecting: '正在连接',
  connected: '已连接',
  disconnected: '连接中断',
  failed: '连接失败',
  closed: '已断开',
};

export function useCall(call: VideoCall | null): CallState | null {
  const [s, setS] = useState<CallState | null>(null);
  useEffect(() => (call ? call.subscribe(setS) : undefined), [call]);
  return s;
}

export function VideoPanel({ state }: { state: CallState }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {state.message ? (
        <Alert type={state.status === 'error' ? 'error' : 'info'} message={state.message} showIcon />
      ) : null}
      {state.status === 'in_call' && state.peers.length === 0 ? (
        <Alert type="info" message="已进入视频接访，等待对方进入…" />
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr', gap: 8 }}>
        {state.peers.map((p) => (
          <div key={p.peerId}>
            <Video stream={p.stream} label={`${p.part === 'citizen' ? '信访人' : p.name}`} />
            <Tag color={p.state === 'connected' ? 'green' : 'default'} style={{ marginTop: 4 }}>
              {STATE_NAMES[p.state] ?? p.state}
            </Tag>
          </div>
        ))}
      </div>
      {state.local ? (
        <div style={{ width: 200 }}>
          <Video stream={state.local} muted label="本人画面" />
        </div>
      ) : null}
    </Space>
  );
}
