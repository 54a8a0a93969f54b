// A letter case at 鼓楼区 as GET /api/v1/cases/:id answers it, and the staff member looking at it:
// the shared ground of the console case-page tests, each overriding what its story needs.
import { meOf } from './me.ts';

export function staffMember(role: string, roleName: string) {
  return meOf({
    id: 2,
    role,
    roleName,
    displayName: '鼓楼区登记员',
    unit: { id: 7, name: '南京市鼓楼区信访局', kind: 'bureau' },
    jurisdiction: { code: '320106', name: '鼓楼区', scopePrefix: '320106' },
  });
}

export function letterCase<T extends object>(overrides: T) {
  return {
    id: 41,
    caseNumber: '32010620260000041',
    form: 'letter',
    formName: '来信',
    purpose: 'claim',
    purposeName: '求决',
    subject: '征收补偿款未足额发放',
    content: '来信人反映其房屋征收补偿款至今未足额发放，请求依法解决。',
    jurisdictionCode: '320106',
    jurisdictionName: '鼓楼区',
    currentUnitId: 7,
    assignedUnitId: null,
    receivedAt: '2026-10-18T02:00:00.000Z',
    dueAt: '2026-11-02T15:59:59.999Z',
    daysRemaining: -3,
    dueFlag: 'overdue',
    peopleCount: 1,
    outcome: null,
    reasonCode: null,
    flags: {
      firstTime: true,
      repeatCount: 0,
      isGroup: false,
      skippedLevel: false,
      backlog: false,
      supervised: false,
      groupSuspect: false,
    },
    parties: [],
    units: {
      registering: { id: 7, name: '南京市鼓楼区信访局' },
      current: { id: 7, name: '南京市鼓楼区信访局' },
    },
    deadlines: [],
    evaluation: { status: null, bureauRating: null, unitRating: null },
    timeline: [
      {
        at: '2026-10-18T02:00:00.000Z',
        action: 'register',
        label: '登记',
        fromState: null,
        toState: 'registered',
        actorRole: 'registrar',
        detail: {},
        lines: [],
      },
    ],
    documents: [],
    limits: { maxExtensionDays: 30 },
    related: [],
    state: 'registered',
    stateName: '待受理',
    availableActions: [],
    ...overrides,
  };
}
