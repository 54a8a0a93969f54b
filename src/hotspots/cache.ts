// Stale-while-revalidate cache for hotspot answers. Clustering a province month takes about a
// second or more (docs/hotspots.md); a dashboard should not wait for it on every visit. An answer
// younger than `freshMs` is returned as is; one younger than `staleMs` is returned at once while
// a single background computation replaces it; older or missing, the caller waits (and callers
// asking for the same key at the same time share one computation).

export interface SwrOptions {
  freshMs: number;
  staleMs: number;
  maxEntries?: number;
  /** The clock (tests move it). */
  now?: () => number;
  /** Told when a background refresh fails (the stale answer stays until `staleMs`). */
  onRefreshError?: (err: unknown) => void;
}

export class StaleWhileRevalidate<K, V> {
  private readonly entries = new Map<K, { at: number; value: V }>();
  private readonly running = new Map<K, Promise<V>>();
  private readonly now: () => number;

  constructor(private readonly opts: SwrOptions) {
    this.now = opts.now ?? Date.now;
  }

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const age = hit ? this.now() - hit.at : Number.POSITIVE_INFINITY;
    if (hit && age < this.opts.freshMs) return hit.value;
    if (hit && age < this.opts.staleMs) {
      this.refresh(key, load).catch((err) => this.opts.onRefreshError?.(err));
      return hit.value;
    }
    return this.refresh(key, load);
  }

  /** Background refreshes still running (tests await them). */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.running.values()]);
  }

  private refresh(key: K, load: () => Promise<V>): Promise<V> {
    const running = this.running.get(key);
    if (running) return running;
    const at = this.now();
    const p = load()
      .then((value) => {
        const max = this.opts.maxEntries ?? 1_000;
        if (this.entries.size >= max && !this.entries.has(key)) this.entries.clear();
        this.entries.set(key, { at, value });
        return value;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }
}
