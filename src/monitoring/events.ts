// What the daily monitoring digests publish inside their transaction (subscribers wired in
// src/capabilities.ts).

/** A bureau's 日监测晨报 of the day was written. */
export interface DigestWritten {
  digestId: number;
  unitId: number;
  /** The Shanghai day (YYYY-MM-DD). */
  date: string;
  /** The digest's text (counts per source, no names or numbers of people). */
  text: string;
}

export interface MonitoringEvents {
  'monitoring.digest_written': DigestWritten;
}
