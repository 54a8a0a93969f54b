// The peers of this platform in the exchange (交换对端): other installations and 12345 hotline
// systems, configured by XINFANG_EXCHANGE_PEERS (docs/configuration.md). Parsed and checked here
// so that a typo stops the start (src/config) instead of silently refusing every message.
import { z } from 'zod';
import { publicKeyFrom } from './signing.ts';

export const PEER_KINDS = ['platform', 'hotline'] as const;
export type PeerKind = (typeof PEER_KINDS)[number];

export const PeerConfig = z.object({
  /** The peer's platform id (its XINFANG_PLATFORM_ID), in message `from`/`to`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
  name: z.string().min(1).max(60),
  /** Where messages to it are POSTed (its /api/v1/exchange/messages, or the hotline's receiver). */
  url: z.url({ protocol: /^https?$/ }),
  /** Its Ed25519 public key (base64 of 32 bytes, or SPKI PEM): needed to receive from it. */
  publicKey: z.string().optional(),
  kind: z.enum(PEER_KINDS).default('platform'),
  /** The unit that registers matters coming from this peer (default: the top petition bureau). */
  unitId: z.number().int().positive().optional(),
  /** hotline: the prefix of the API key its work orders come with (POST /api/v1/hotline/orders). */
  apiKeyPrefix: z
    .string()
    .regex(/^[a-z0-9]{10}$/)
    .optional(),
});
export type PeerConfig = z.infer<typeof PeerConfig>;

export interface ExchangeConfig {
  /** This platform's id in the exchange (XINFANG_PLATFORM_ID). */
  platformId: string;
  /** Its name, as peers show it (XINFANG_PLATFORM_NAME). */
  platformName: string;
  /** Its Ed25519 private key, PKCS#8 PEM (XINFANG_EXCHANGE_PRIVATE_KEY); absent: derived from the secret. */
  privateKeyPem?: string;
  peers: PeerConfig[];
}

/** The peers of a JSON text, or the first problem found. */
export function parsePeers(json: string): { peers: PeerConfig[] } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { problem: '不是合法的 JSON' };
  }
  const r = z.array(PeerConfig).safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    return { problem: `${i?.path.join('.') ?? ''}: ${i?.message ?? ''}` };
  }
  const ids = new Set<string>();
  for (const p of r.data) {
    if (ids.has(p.id)) return { problem: `对端 ${p.id} 重复` };
    ids.add(p.id);
    if (p.publicKey)
      try {
        publicKeyFrom(p.publicKey);
      } catch {
        return { problem: `对端 ${p.id} 的 publicKey 不是 Ed25519 公钥` };
      }
  }
  return { peers: r.data };
}
