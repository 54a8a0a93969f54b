// This platform's identity in the exchange (its id, name and Ed25519 key) and its configured peers
// (XINFANG_EXCHANGE_PEERS, docs/configuration.md). Without a configured private key the key is
// derived from the installation's secret, so it is stable across restarts and nodes and needs no
// setup; GET /api/v1/exchange/identity shows the public half for the peers to configure.
import type { KeyObject } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { jurisdictions, units, users } from '../db/schema.ts';
import type { PeerConfig } from '../domain/exchange/peers.ts';
import { privateKeyFromPem, privateKeyFromSeed, publicKeyFrom } from '../domain/exchange/signing.ts';
import { badRequest } from '../errors.ts';
import type { Actor } from '../policies/index.ts';

const keys = new WeakMap<AppContext, KeyObject>();

export function platformKey(ctx: AppContext): KeyObject {
  let key = keys.get(ctx);
  if (!key) {
    const pem = ctx.config.exchange.privateKeyPem;
    key = pem
      ? privateKeyFromPem(pem)
      : privateKeyFromSeed(Buffer.from(ctx.pii.hash('exchange-ed25519-seed-v1'), 'base64url'));
    keys.set(ctx, key);
  }
  return key;
}

export function peerOf(ctx: AppContext, id: string): PeerConfig | undefined {
  return ctx.config.exchange.peers.find((p) => p.id === id);
}

/** A peer to send to, or a 400 naming the problem. */
export function sendablePeer(ctx: AppContext, id: string, kind?: PeerConfig['kind']): PeerConfig {
  const peer = peerOf(ctx, id);
  if (!peer || (kind && peer.kind !== kind))
    throw badRequest('exchange_unknown_peer', `未配置的交换平台：${id.slice(0, 40)}`, 'peer');
  return peer;
}

/** The public key of a peer that may send to us (undefined: unknown or no key configured). */
export function peerPublicKey(ctx: AppContext, id: string): KeyObject | undefined {
  const peer = peerOf(ctx, id);
  return peer?.publicKey ? publicKeyFrom(peer.publicKey) : undefined;
}

/**
 * The service account (服务账号) matters from a peer are registered by: a registrar of the peer's
 * receiving unit (default: the top petition bureau), no password, never signs in — as an API key's.
 * Created on first receipt, inside the receiving transaction.
 */
export async function peerActor(tx: Executor, peer: PeerConfig): Promise<Actor> {
  const [unit] = await tx
    .select({
      id: units.id,
      kind: units.kind,
      name: units.name,
      code: jurisdictions.code,
      fullName: jurisdictions.fullName,
      prefix: jurisdictions.scopePrefix,
    })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(
      peer.unitId !== undefined
        ? eq(units.id, peer.unitId)
        : and(eq(units.kind, 'bureau'), isNull(units.retiredAt)),
    )
    .orderBy(asc(jurisdictions.level), asc(units.id))
    .limit(1);
  if (!unit) throw new Error(`exchange peer ${peer.id}: no receiving unit`);
  const username = `exchange-${peer.id}`;
  let [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user)
    [user] = await tx
      .insert(users)
      .values({
        username,
        passwordHash: null,
        role: 'registrar',
        unitId: unit.id,
        displayName: `交换：${peer.name}`,
        disabled: true,
      })
      .returning({ id: users.id });
  if (!user) throw new Error('exchange service user not created');
  return {
    userId: user.id,
    role: 'registrar',
    displayName: `交换：${peer.name}`,
    unitId: unit.id,
    unitKind: unit.kind === 'department' ? 'department' : 'bureau',
    unitName: unit.name,
    jurisdictionCode: unit.code,
    jurisdictionName: unit.fullName,
    scopePrefix: unit.prefix,
  };
}
