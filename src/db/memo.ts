// Short-lived in-process caches of rarely-changing rows (settings, units, jurisdictions), one set per
// database handle so two platforms in one process (tests) never share entries.
//
// Rules: only found rows are cached (a miss always asks the database again); an entry lives at
// most `ttlMs`, so a change made by another process (another API node, psql) is seen after that;
// a change made by this process calls `invalidate()` after its transaction committed. A load that
// was already running when `invalidate()` was called does not store its (possibly old) result.

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { at: number; value: V }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  async get(key: K, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const at = Date.now();
    const value = await load();
    if (value !== undefined && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { at, value });
    }
    return value;
  }

  /** The fresh cached value, without loading. */
  peek(key: K): V | undefined {
    const hit = this.entries.get(key);
    return hit && Date.now() - hit.at < this.ttlMs ? hit.value : undefined;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Drops one entry; like `invalidate()`, a load already running does not store its result. */
  delete(key: K): void {
    this.generation++;
    this.entries.delete(key);
  }
}

/** One instance of `make(db)` per database handle (the `ctx.db` object). */
export function perDatabase<T>(make: (db: object) => T): (db: object) => T {
  const instances = new WeakMap<object, T>();
  return (db) => {
    let instance = instances.get(db);
    if (!instance) {
      instance = make(db);
      instances.set(db, instance);
    }
    return instance;
  };
}
