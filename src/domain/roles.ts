// Roles of the platform (see docs/architecture.md "Who uses it").
export const ROLES = [
  'citizen',
  'registrar',
  'handler',
  'reviewer',
  'supervisor',
  'leader',
  'analyst',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'citizen'> => r !== 'citizen');

export const ROLE_NAMES: Record<Role, string> = {
  citizen: '信访人',
  registrar: '登记员',
  handler: '承办人',
  reviewer: '审核人',
  supervisor: '督查员',
  leader: '领导',
  analyst: '分析员',
  admin: '管理员',
  auditor: '审计员',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
