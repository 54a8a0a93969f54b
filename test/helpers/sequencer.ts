// Longest files first, across projects of the same group (test/durations.json, from a CI log by
// `npx tsx scripts/test-durations.ts < ci.log`). Vitest's own order on a clean clone (no results
// cache) is by project name, then file size: the standalone files — a throwaway replica cluster,
// the two-process test — came last and ran alone on one of the two cores while the other idled.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from '../durations.json' with { type: 'json' };

/** Seconds assumed for a file not in the table yet (a typical integration file). */
const UNKNOWN = 15;

const table: Record<string, number> = durations;

export class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byDefault = await super.sort(files);
    const seconds = (f: TestSpecification) =>
      table[`${f.project.name}:${relative(f.project.config.root, f.moduleId)}`] ?? UNKNOWN;
    // Stable: files of equal time keep Vitest's order.
    return byDefault.sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        seconds(b) - seconds(a),
    );
  }
}
