// Shapes of /api/v1/video answers (src/video/presenters.ts).
export interface RoomItem {
  id: number;
  title: string;
  caseId: number | null;
  caseNumber: string | null;
  bookingId: number | null;
  unit: string;
  host: string;
  scheduledAt: string;
  status: string;
  statusName: string;
  withCitizen: boolean;
  withHall: boolean;
  startedAt: string | null;
  endedAt: string | null;
}

export interface RoomDetail extends RoomItem {
  hall: { name: string; unit: string | null } | null;
  myPart: string | null;
  recordingConsent: boolean;
  consentAt: string | null;
  notes: string | null;
  attendance: { part: string; partName: string; name: string; joinedAt: string; leftAt: string | null }[];
  recordings: { id: number; mime: string; size: number; sha256: string; createdAt: string }[];
  can: { join: boolean; end: boolean; cancel: boolean; consent: boolean; record: boolean };
}

export const STATUS_COLORS: Record<string, string> = {
  scheduled: 'blue',
  in_progress: 'green',
  ended: 'default',
  cancelled: 'red',
};
