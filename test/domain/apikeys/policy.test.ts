// The machine-client rules (src/policies/apikeys.ts): administrators only, within their subtree, for
// a jurisdiction at or below the unit's; never a key itself.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/policies/actor.ts';
import { MACHINE_CLIENT_RULES, machineClientPolicy } from '../../../src/policies/apikeys.ts';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 1,
  role: 'admin',
  displayName: 'x',
  unitId: 1,
  unitKind: 'bureau',
  unitName: '鼓楼区信访局',
  jurisdictionCode: '320106',
  jurisdictionName: '鼓楼区',
  scopePrefix: '320106',
  ...over,
});
const gulou = { unitJurisdictionCode: '320106', unitScopePrefix: '320106', jurisdictionCode: '320106' };

describe('machine-client policy', () => {
  it('only administrators manage keys and subscriptions', () => {
    expect(Object.values(MACHINE_CLIENT_RULES).every((roles) => roles.join() === 'admin')).toBe(true);
    expect(machineClientPolicy.use(actor({}))).toBe(true);
    expect(machineClientPolicy.use(actor({ role: 'registrar' }))).toBe(false);
    expect(machineClientPolicy.use(actor({ apiKey: { id: 1, scopes: ['read'], rateLimit: 1 } }))).toBe(false);
  });

  it('within the subtree, for a jurisdiction at or below the unit', () => {
    expect(machineClientPolicy.act(actor({}), gulou, 'create')).toBe(true);
    expect(machineClientPolicy.act(actor({}), { ...gulou, jurisdictionCode: '320106002' }, 'create')).toBe(
      true,
    );
    const xuanwu = { unitJurisdictionCode: '320102', unitScopePrefix: '320102', jurisdictionCode: '320102' };
    expect(machineClientPolicy.act(actor({}), xuanwu, 'revoke')).toBe(false);
    expect(
      machineClientPolicy.act(actor({ scopePrefix: '3201', jurisdictionCode: '320100' }), xuanwu, 'revoke'),
    ).toBe(true);
    const city = { unitJurisdictionCode: '320100', unitScopePrefix: '3201', jurisdictionCode: '320106' };
    expect(machineClientPolicy.act(actor({}), city, 'create')).toBe(false); // the city's unit is above
    expect(
      machineClientPolicy.act(
        actor({ scopePrefix: '3201' }),
        { ...gulou, jurisdictionCode: '320102' },
        'create',
      ),
    ).toBe(false);
  });
});
