// 视频接访 in the browser with the plain WebRTC APIs: the camera and microphone, one
// RTCPeerConnection per other participant (a small mesh), and the platform's signalling socket
// (src/video/hub.ts): whoever arrives sends the offers to those already there. The peer connections
// are on `window.__xfVideo` for the browser test (getStats).
import type { JoinAnswer } from '../../src/video/contract.ts';
import { api } from './api.ts';

export interface RemotePeer {
  peerId: string;
  part: string;
  name: string;
  stream: MediaStream | null;
  state: RTCPeerConnectionState | 'new';
}

export interface CallState {
  status: 'idle' | 'connecting' | 'in_call' | 'ended' | 'error';
  message?: string;
  local: MediaStream | null;
  peers: RemotePeer[];
}

type Listener = (s: CallState) => void;

declare global {
  interface Window {
    __xfVideo?: { pcs: Map<string, RTCPeerConnection>; call: VideoCall };
  }
}

export class VideoCall {
  private ws: WebSocket | null = null;
  private readonly pcs = new Map<string, RTCPeerConnection>();
  private iceServers: RTCIceServer[] = [];
  private state: CallState = { status: 'idle', local: null, peers: [] };
  private readonly listeners = new Set<Listener>();
  /** Signalling messages are handled one after the other (a candidate waits for its offer). */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly roomId: number) {}

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<CallState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  private patchPeer(peerId: string, patch: Partial<RemotePeer>) {
    this.set({ peers: this.state.peers.map((p) => (p.peerId === peerId ? { ...p, ...patch } : p)) });
  }

  /** Asks the platform for a join token, opens the camera and the signalling socket. */
  async start(): Promise<void> {
    this.set({ status: 'connecting', message: undefined });
    try {
      const local = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      this.set({ local });
      const join = await api<JoinAnswer>(`/api/v1/video/rooms/${this.roomId}/join`, { method: 'POST' });
      this.iceServers = join.iceServers;
      const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(`${scheme}//${location.host}${join.signalUrl}`);
      this.ws = ws;
      window.__xfVideo = { pcs: this.pcs, call: this };
      ws.onmessage = (e) => {
        const m = JSON.parse(String(e.data)) as Record<string, unknown>;
        this.queue = this.queue.then(() => this.onMessage(m)).catch(() => undefined);
      };
      ws.onclose = (e) => {
        if (this.state.status === 'ended') return;
        this.stopMedia();
        this.set(
          e.code === 4000
            ? { status: 'ended', message: '接访已结束', local: null, peers: [] }
            : { status: 'error', message: `视频连接已断开（${e.code}）`, local: null, peers: [] },
        );
      };
    } catch (e) {
      this.stopMedia();
      this.set({
        status: 'error',
        message: e instanceof Error ? e.message : '无法打开摄像头或麦克风，请检查浏览器权限',
      });
    }
  }

  private send(msg: unknown) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private peerConnection(peerId: string): RTCPeerConnection {
    const had = this.pcs.get(peerId);
    if (had) return had;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.pcs.set(peerId, pc);
    for (const track of this.state.local?.getTracks() ?? [])
      pc.addTrack(track, this.state.local as MediaStream);
    pc.onicecandidate = (e) => {
      if (e.candidate) this.send({ type: 'signal', to: peerId, data: { candidate: e.candidate.toJSON() } });
    };
    pc.ontrack = (e) => this.patchPeer(peerId, { stream: e.streams[0] ?? new MediaStream([e.track]) });
    pc.onconnectionstatechange = () => this.patchPeer(peerId, { state: pc.connectionState });
    return pc;
  }

  private async onMessage(m: Record<string, unknown>) {
    switch (m.type) {
      case 'welcome': {
        const peers = m.peers as { peerId: string; part: string; name: string }[];
        this.set({ status: 'in_call', peers: peers.map((p) => ({ ...p, stream: null, state: 'new' })) });
        for (const p of peers) {
          const pc = this.peerConnection(p.peerId);
          await pc.setLocalDescription(await pc.createOffer());
          this.send({ type: 'signal', to: p.peerId, data: { sdp: pc.localDescription?.toJSON() } });
        }
        break;
      }
      case 'peer-joined': {
        const p = m.peer as { peerId: string; part: string; name: string };
        this.set({ peers: [...this.state.peers, { ...p, stream: null, state: 'new' }] });
        this.peerConnection(p.peerId);
        break;
      }
      case 'peer-left': {
        const id = String(m.peerId);
        this.pcs.get(id)?.close();
        this.pcs.delete(id);
        this.set({ peers: this.state.peers.filter((p) => p.peerId !== id) });
        break;
      }
      case 'signal': {
        const from = String(m.from);
        const data = m.data as { sdp?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };
        const pc = this.peerConnection(from);
        if (data.sdp) {
          await pc.setRemoteDescription(data.sdp);
          if (data.sdp.type === 'offer') {
            await pc.setLocalDescription(await pc.createAnswer());
            this.send({ type: 'signal', to: from, data: { sdp: pc.localDescription?.toJSON() } });
          }
        } else if (data.candidate) await pc.addIceCandidate(data.candidate).catch(() => undefined);
        break;
      }
      case 'ended':
        this.stopMedia();
        this.set({ status: 'ended', message: '接访已结束', local: null, peers: [] });
        break;
    }
  }

  private stopMedia() {
    for (const t of this.state.local?.getTracks() ?? []) t.stop();
    for (const pc of this.pcs.values()) pc.close();
    this.pcs.clear();
  }

  /** Leaves the call (the session goes on for the others). */
  hangUp(): void {
    this.stopMedia();
    this.ws?.close(1000, 'left');
    this.set({ status: 'idle', local: null, peers: [] });
  }

  /** The first remote participant's stream (what a recording keeps). */
  remoteStream(): MediaStream | null {
    return this.state.peers.find((p) => p.stream)?.stream ?? null;
  }
}

/**
 * Records a stream with MediaRecorder (webm) until `stop()`; the platform stores the file on the
 * case (POST …/recordings) only when the petitioner's consent is recorded.
 */
export function startRecording(stream: MediaStream): { stop: () => Promise<Blob> } {
  const mime = MediaRecorder.isTypeSupported('video/webm;codecs=vp8,opus')
    ? 'video/webm;codecs=vp8,opus'
    : 'video/webm';
  const rec = new MediaRecorder(stream, { mimeType: mime });
  const chunks: Blob[] = [];
  rec.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  rec.start(1000);
  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        rec.onstop = () => resolve(new Blob(chunks, { type: 'video/webm' }));
        rec.stop();
      }),
  };
}

/** Uploads a recording to the room (the CSRF token as every mutation). */
export async function uploadRecording(roomId: number, blob: Blob): Promise<{ id: number; size: number }> {
  const csrf = document.cookie.match(/(?:^|;\s*)xf_csrf=([^;]+)/)?.[1];
  const res = await fetch(`/api/v1/video/rooms/${roomId}/recordings`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'video/webm', ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}) },
    body: blob,
  });
  const data = (await res.json().catch(() => null)) as {
    id: number;
    size: number;
    error?: { message?: string };
  } | null;
  if (!res.ok) throw new Error(data?.error?.message ?? `上传失败（${res.status}）`);
  return data as { id: number; size: number };
}
