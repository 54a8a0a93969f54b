// The shapes of /api/v1/receptions answers: the server's own types (src/receptions/contract.ts),
// type-only so no server code enters the bundle.
export type {
  BookingItem as Booking,
  LeadersAnswer,
  PublicSlot as Slot,
  ReceptionIndicator as IndicatorRow,
  ReceptionIndicators,
  SlotDetail,
} from '../../../src/receptions/contract.ts';

export const STATUS_COLORS: Record<string, string> = { open: 'blue', held: 'green', cancelled: 'default' };
