// What sign-in publishes inside its transactions (subscribers wired in src/capabilities.ts).

/** A staff account reached the back-off of src/auth/throttle.ts from one address (暂时锁定). */
export interface LoginLocked {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  /** The account's unit's place. */
  jurisdictionCode: string;
  failures: number;
  /** The client address the failures came from (trusted hops only). */
  ip: string;
  at: Date;
}

export interface AuthEvents {
  'auth.login_locked': LoginLocked;
}
