// Dates and day counts on the Shanghai calendar (China has had no DST since 1991: fixed UTC+8).

const shanghaiDay = (d: Date) => Math.floor((d.getTime() + 8 * 3600_000) / 86_400_000);

/** Whole Shanghai calendar days from today to the due instant's day; negative when overdue. */
export function daysLeft(due: string, now = new Date()): number {
  return shanghaiDay(new Date(due)) - shanghaiDay(now);
}

/** 2026-03-05 14:30 in Shanghai time. */
export function formatDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

export function formatDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A long number in groups of four for reading aloud or copying by hand: 32010620261200012 →
 * "3201 0620 2612 0001 2". Only for display; copy and search use the plain number.
 */
export function groupDigits(value: string): string {
  return /^\d{9,}$/.test(value) ? (value.match(/.{1,4}/g) ?? [value]).join(' ') : value;
}
