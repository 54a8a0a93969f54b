// The time a claimed batch may still be worked on. The outbox dispatcher and the webhook and
// exchange deliverers claim a batch with FOR UPDATE SKIP LOCKED and lease it (next_attempt_at
// pushed `leaseMs` ahead), so another node — or this one after a crash — takes the rows again once
// the lease has run out. A batch of 50 sends, each allowed the gateway's full timeout, can outlast
// the lease: another node would then claim rows this one is still sending (or has sent but not yet
// marked) and send them a second time. So a pass starts a send only while that send, at its
// longest, and the marking after it end before the lease does; the rows it did not reach are
// released at once (`releaseUnsent`) for the next pass, on any node.

/** What the marking after the last send may take, on top of the send's own timeout. */
export const LEASE_MARGIN_MS = 5_000;

export interface LeaseBudget {
  /** True while a send started now, taking at most its timeout, still ends inside the lease. */
  fits(): boolean;
}

/**
 * Measured on this process's monotonic clock from the claim, not from the pass's `now` (tests
 * pass a day in the future), so the budget is the real time the lease gives.
 */
export function leaseBudget(leaseMs: number, sendTimeoutMs: number): LeaseBudget {
  const claimedAt = performance.now();
  const lastStart = claimedAt + leaseMs - sendTimeoutMs - LEASE_MARGIN_MS;
  // A lease shorter than one send (a test's setting) still lets the first row go.
  let first = true;
  return {
    fits() {
      if (first) {
        first = false;
        return true;
      }
      return performance.now() <= lastStart;
    },
  };
}
