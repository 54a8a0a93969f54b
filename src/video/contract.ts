// The video API's answers (视频接访: rooms, detail, halls, the join token; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`. The
// citizen is named only by their part.
import { z } from 'zod';

export const RoomItem = z.object({
  id: z.number(),
  title: z.string(),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  bookingId: z.number().nullable(),
  unit: z.string(),
  host: z.string(),
  scheduledAt: z.string(),
  status: z.string(),
  statusName: z.string(),
  withCitizen: z.boolean(),
  withHall: z.boolean(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type RoomItem = z.infer<typeof RoomItem>;

export const RoomDetail = RoomItem.extend({
  hall: z.object({ name: z.string(), unit: z.string().nullable() }).nullable(),
  myPart: z.string().nullable(),
  recordingConsent: z.boolean(),
  consentAt: z.string().nullable(),
  notes: z.string().nullable(),
  attendance: z.array(
    z.object({
      part: z.string(),
      partName: z.string(),
      name: z.string(),
      joinedAt: z.string(),
      leftAt: z.string().nullable(),
    }),
  ),
  recordings: z.array(
    z.object({
      id: z.number(),
      mime: z.string(),
      size: z.number(),
      sha256: z.string(),
      createdAt: z.string(),
    }),
  ),
  can: z.object({
    join: z.boolean(),
    end: z.boolean(),
    cancel: z.boolean(),
    consent: z.boolean(),
    record: z.boolean(),
  }),
});
export type RoomDetail = z.infer<typeof RoomDetail>;

export const Hall = z.object({ id: z.number(), name: z.string(), unit: z.string() });
export type Hall = z.infer<typeof Hall>;

export const IceServer = z.object({
  urls: z.array(z.string()),
  username: z.string().optional(),
  credential: z.string().optional(),
});

export const JoinAnswer = z.object({
  token: z.string(),
  signalUrl: z.string(),
  iceServers: z.array(IceServer),
  part: z.string(),
});
export type JoinAnswer = z.infer<typeof JoinAnswer>;
