// The signalling hub of video rooms: join tokens (issued after the policy allowed the join, good
// once and for JOIN_TOKEN_TTL_MS, bound to the room and the user) and the sockets of each room,
// relaying WebRTC offers, answers and ICE candidates between peers. The media flows browser to
// browser (or through TURN); the platform carries only this signalling. One process: the hub lives
// in memory (docs/video.md: behind a load balancer, pin /api/v1/video to one instance).
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import {
  JOIN_TOKEN_TTL_MS,
  MAX_PEERS,
  MAX_SIGNAL_BYTES,
  type ParticipantPart,
} from '../domain/video/rooms.ts';

export interface JoinGrant {
  roomId: number;
  userId: number;
  part: ParticipantPart;
  expires: number;
}

export interface Peer {
  peerId: string;
  userId: number;
  part: ParticipantPart;
  name: string;
  socket: WebSocket;
}

export class SignallingHub {
  private readonly grants = new Map<string, JoinGrant>();
  private readonly rooms = new Map<number, Map<string, Peer>>();

  /** A one-time join token for a user the policy let join this room. */
  issue(roomId: number, userId: number, part: ParticipantPart, now = Date.now()): string {
    for (const [t, g] of this.grants) if (g.expires < now) this.grants.delete(t);
    const token = randomBytes(24).toString('base64url');
    this.grants.set(token, { roomId, userId, part, expires: now + JOIN_TOKEN_TTL_MS });
    return token;
  }

  /** The grant of a token for this room and user, used up; null when unknown, expired or not theirs. */
  redeem(token: string, roomId: number, userId: number, now = Date.now()): JoinGrant | null {
    const g = this.grants.get(token);
    if (!g) return null;
    this.grants.delete(token);
    if (g.expires < now || g.roomId !== roomId || g.userId !== userId) return null;
    return g;
  }

  peers(roomId: number): Peer[] {
    return [...(this.rooms.get(roomId)?.values() ?? [])];
  }

  full(roomId: number): boolean {
    return (this.rooms.get(roomId)?.size ?? 0) >= MAX_PEERS;
  }

  /** Adds a socket to the room: it learns who is there; they learn it arrived. */
  add(roomId: number, p: Omit<Peer, 'peerId'>, iceServers: unknown): Peer {
    const peer: Peer = { ...p, peerId: randomBytes(8).toString('hex') };
    const room = this.rooms.get(roomId) ?? new Map<string, Peer>();
    this.rooms.set(roomId, room);
    const info = (x: Peer) => ({ peerId: x.peerId, part: x.part, name: x.name });
    send(peer.socket, {
      type: 'welcome',
      peerId: peer.peerId,
      peers: [...room.values()].map(info),
      iceServers,
    });
    for (const other of room.values()) send(other.socket, { type: 'peer-joined', peer: info(peer) });
    room.set(peer.peerId, peer);
    peer.socket.on('message', (raw, isBinary) => this.relay(roomId, peer, raw as Buffer, isBinary));
    return peer;
  }

  /** Relays `{type:'signal', to, data}` to the addressed peer of the same room, as `{type:'signal', from, data}`. */
  private relay(roomId: number, from: Peer, raw: Buffer, isBinary: boolean) {
    if (isBinary || raw.length > MAX_SIGNAL_BYTES)
      return send(from.socket, { type: 'error', code: 'signal_invalid' });
    let msg: unknown;
    try {
      msg = JSON.parse(raw.toString('utf8'));
    } catch {
      return send(from.socket, { type: 'error', code: 'signal_invalid' });
    }
    const m = msg as { type?: unknown; to?: unknown; data?: unknown };
    if (m.type === 'ping') return send(from.socket, { type: 'pong' });
    if (m.type !== 'signal' || typeof m.to !== 'string' || typeof m.data !== 'object' || m.data === null)
      return send(from.socket, { type: 'error', code: 'signal_invalid' });
    const to = this.rooms.get(roomId)?.get(m.to);
    if (!to) return send(from.socket, { type: 'error', code: 'peer_gone' });
    send(to.socket, { type: 'signal', from: from.peerId, data: m.data });
  }

  /** A socket closed; false when the room had already let it go (the session ended). */
  remove(roomId: number, peer: Peer): boolean {
    const room = this.rooms.get(roomId);
    if (!room?.delete(peer.peerId)) return false;
    for (const other of room.values()) send(other.socket, { type: 'peer-left', peerId: peer.peerId });
    if (room.size === 0) this.rooms.delete(roomId);
    return true;
  }

  /** The session ended: every socket of the room is told and closed. */
  close(roomId: number, reason: string): void {
    const peers = this.peers(roomId);
    this.rooms.delete(roomId);
    for (const p of peers) {
      send(p.socket, { type: 'ended', reason });
      p.socket.close(4000, 'ended');
    }
  }
}

function send(socket: WebSocket, msg: unknown): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
}
