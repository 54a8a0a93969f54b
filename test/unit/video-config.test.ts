// The STUN/TURN settings of video reception (src/config/index.ts): none by default; URLs checked for
// their scheme; TURN refused without credentials — a start with a broken relay setting stops with a
// message naming it, instead of calls that silently never connect across networks.
import { describe, expect, it } from 'vitest';
import { appConfigFromEnv, ConfigError } from '../../src/config/index.ts';

const env = (extra: Record<string, string>) => ({ XINFANG_DATA: 'memory://', ...extra });

describe('video reception config', () => {
  it('hands out no ICE servers by default', () => {
    expect(appConfigFromEnv({}, env({})).video).toMatchObject({
      stunUrls: [],
      turnUrls: [],
      maxRecordingMb: 200,
    });
  });
  it('reads STUN and TURN lists with a coturn secret', () => {
    const v = appConfigFromEnv(
      {},
      env({
        XINFANG_STUN_URLS: 'stun:turn.example.gov.cn:3478',
        XINFANG_TURN_URLS: 'turn:turn.example.gov.cn:3478?transport=udp, turns:turn.example.gov.cn:5349',
        XINFANG_TURN_SECRET: 'a-long-shared-secret',
      }),
    ).video;
    expect(v.stunUrls).toEqual(['stun:turn.example.gov.cn:3478']);
    expect(v.turnUrls).toHaveLength(2);
    expect(v.turnSecret).toBe('a-long-shared-secret');
  });
  it('refuses a URL of the wrong scheme and TURN without credentials, naming the setting', () => {
    expect(() => appConfigFromEnv({}, env({ XINFANG_STUN_URLS: 'http://stun.example' }))).toThrow(
      ConfigError,
    );
    expect(() => appConfigFromEnv({}, env({ XINFANG_STUN_URLS: 'http://stun.example' }))).toThrow(
      /XINFANG_STUN_URLS/,
    );
    expect(() => appConfigFromEnv({}, env({ XINFANG_TURN_URLS: 'turn:t.example:3478' }))).toThrow(
      /XINFANG_TURN_URLS/,
    );
  });
});
