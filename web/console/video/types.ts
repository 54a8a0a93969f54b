// Shapes of /api/v1/video answers: the server's contract.
export type { Hall, RoomDetail, RoomItem } from '../../../src/video/contract.ts';

export const STATUS_COLORS: Record<string, string> = {
  scheduled: 'blue',
  in_progress: 'green',
  ended: 'default',
  cancelled: 'red',
};
