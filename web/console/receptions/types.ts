// The shapes of /api/v1/receptions answers (src/receptions/presenters.ts).
export interface Slot {
  id: number;
  kind: 'receive' | 'visit_down' | 'invite' | 'video';
  kindName: string;
  citizenBooks: boolean;
  leader: string;
  unit: string;
  jurisdiction: string;
  levelName: string;
  date: string;
  startsAt: string;
  endsAt: string;
  time: string;
  place: string;
  topics: string;
  capacity: number;
  seatsLeft: number;
  status: 'open' | 'held' | 'cancelled';
  statusName: string;
}

export interface Booking {
  id: number;
  number: string;
  name: string;
  phone: string | null;
  caseId: number | null;
  caseNumber: string | null;
  matter: string | null;
  peopleCount: number;
  status: string;
  statusName: string;
  via: string;
  bookedAt: string;
}

export interface SlotDetail extends Slot {
  bookings: Booking[];
  cancelReason: string | null;
  record: null | {
    heldAt: string;
    batches: number;
    persons: number;
    decision: string;
    solvedOnSpot: number;
    followUps: { task: string; unit: string | null; deadline: string | null }[];
    matters: {
      caseId: number;
      caseNumber: string;
      subject: string;
      solvedOnSpot: boolean;
      note: string | null;
    }[];
    recordedBy: string;
    recordedAt: string;
  };
  can: { book: boolean; cancel: boolean; record: boolean };
}

export interface IndicatorRow {
  receptions: number;
  batches: number;
  persons: number;
  matters: number;
  solvedOnSpot: number;
}

export const STATUS_COLORS: Record<string, string> = { open: 'blue', held: 'green', cancelled: 'default' };
