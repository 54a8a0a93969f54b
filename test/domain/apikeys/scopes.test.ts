import { describe, expect, it } from 'vitest';
import {
  API_KEY_ROUTES,
  defaultKeyRole,
  formatApiKey,
  isKeyRole,
  keyDecision,
  parseApiKey,
} from '../../../src/domain/apikeys/scopes.ts';

describe('API key scopes', () => {
  it('opens only the listed routes, each to its scope', () => {
    expect(keyDecision(['read'], 'GET', '/api/v1/cases')).toBe('allowed');
    expect(keyDecision(['read'], 'POST', '/api/v1/cases')).toBe('scope_missing');
    expect(keyDecision(['register'], 'POST', '/api/v1/cases')).toBe('allowed');
    expect(keyDecision(['read', 'register'], 'POST', '/api/v1/cases/:id/actions')).toBe('scope_missing');
    expect(keyDecision(['read', 'register', 'act'], 'GET', '/api/v1/users')).toBe('route_not_open');
    expect(keyDecision(['read'], 'GET', undefined)).toBe('route_not_open');
    expect(Object.keys(API_KEY_ROUTES).some((r) => r.includes('api-keys') || r.includes('webhooks'))).toBe(
      false,
    );
  });

  it('keys act as handling staff, never as admins or auditors', () => {
    expect(defaultKeyRole('bureau')).toBe('registrar');
    expect(defaultKeyRole('department')).toBe('handler');
    expect(isKeyRole('admin')).toBe(false);
    expect(isKeyRole('auditor')).toBe(false);
  });

  it('parses only the key shape it formats', () => {
    const secret = 'A'.repeat(43);
    expect(parseApiKey(formatApiKey('abcdefghij', secret))).toEqual({ prefix: 'abcdefghij', secret });
    expect(parseApiKey(`xfk_ABCDEFGHIJ_${secret}`)).toBeNull();
    expect(parseApiKey('Bearer something')).toBeNull();
    expect(parseApiKey(`xfk_abcdefghij_${secret}x`)).toBeNull();
  });
});
