// 附件: who sees and adds a matter's files. The case decides: staff see a matter's attachments iff
// they may read the matter (casePolicy.read: jurisdiction, holding unit, co-handling — and never the
// accused unit of an accusation, 回避); a petitioner sees the files they attached to their own matter.
// Adding: the petitioner to their own matter (信访材料, 证据材料); staff who work on matters and may
// read this one (any purpose). Machine clients and query-code holders neither see nor add files.
import { eq, type SQL, sql } from 'drizzle-orm';
import { attachments } from '../db/schema.ts';
import { type AttachmentPurpose, CITIZEN_PURPOSES } from '../domain/attachments/kinds.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from './actor.ts';
import { type CaseRef, casePolicy } from './index.ts';

const STAFF_UPLOADERS: readonly Role[] = ['registrar', 'handler', 'reviewer', 'supervisor', 'leader'];

const person = (a: Actor) => a.queryCodeCaseId === undefined && a.apiKey === undefined;

export const attachmentPolicy = {
  /** May list the matter's attachments (which ones: `attachmentScope`)? */
  list: (a: Actor, c: CaseRef): boolean => person(a) && casePolicy.read(a, c),
  read: (a: Actor, c: CaseRef, att: { uploadedBy: number }): boolean =>
    attachmentPolicy.list(a, c) && (a.role !== 'citizen' || att.uploadedBy === a.userId),
  /** The petitioner's side (uploads only their own materials and evidence). */
  petitionerSide: (a: Actor): boolean => a.role === 'citizen',
  upload: (a: Actor, c: CaseRef, purpose: AttachmentPurpose): boolean => {
    if (!person(a) || !casePolicy.read(a, c)) return false;
    if (a.role === 'citizen') return c.petitionerUserId === a.userId && CITIZEN_PURPOSES.includes(purpose);
    return STAFF_UPLOADERS.includes(a.role);
  },
};

/** WHERE condition on `attachments` of a matter the caller may list: a citizen only their own. */
export function attachmentScope(a: Actor): SQL {
  if (!person(a)) return sql`false`;
  return a.role === 'citizen' ? eq(attachments.uploadedBy, a.userId) : sql`true`;
}
