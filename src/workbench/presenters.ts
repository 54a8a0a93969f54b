// What the workbench API answers: queues with counts, a matter's assignee and candidates, bulk
// outcomes, saved views. Staff only; names of staff members, never a citizen's data.
import { ROLE_NAMES, type Role } from '../domain/roles.ts';

export { AssigneeAnswer, BulkAnswer, Person, QueueItem, QueuesAnswer, ViewItem } from './contract.ts';

export const presentPerson = (u: { id: number; name: string; role: Role }) => ({
  ...u,
  roleName: ROLE_NAMES[u.role],
});
