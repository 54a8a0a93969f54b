// What the warning scan publishes inside its transaction, for other capabilities to react to
// (subscribers wired in src/capabilities.ts).

/** Warnings the scan added (not those it found again within their quiet period). */
export interface WarningsRaised {
  warnings: { id: number; kind: string; level: string; title: string; jurisdictionCode: string }[];
  at: Date;
}

export interface WarningEvents {
  'warnings.raised': WarningsRaised;
}
