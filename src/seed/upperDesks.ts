// Letters addressed to the upper bureaus (来信: 江苏省信访局, 南京市信访局), so their registrars'
// 待受理 is not empty on first start: the synthetic cases are all registered by county bureaus
// (src/seed/timeline.ts), but people also write to the city and the province. Each registrar
// registers a few letters about places of its area through the engine (case number, timeline, SMS,
// audit), left for acceptance. Deterministic texts; does nothing when the demo accounts are missing
// or the letters are there already.
import { and, eq, inArray } from 'drizzle-orm';
import { registerCase } from '../cases/intake.ts';
import type { AppContext } from '../context.ts';
import { cases } from '../db/schema.ts';
import { CATEGORY_WEIGHTS, SURNAMES, weighted } from './catalog.ts';
import { loadCounties } from './counties.ts';
import { demoActor } from './linkage.ts';
import { createRng } from './random.ts';
import { petitionText } from './templates.ts';

/** Letters per upper bureau: a morning's post. */
export const UPPER_LETTERS = 6;

const GIVEN = ['建华', '秀英', '志强', '桂兰', '海燕', '国庆', '丽娟', '文斌'];

export async function seedUpperDesks(ctx: AppContext, opts: { seed: number }): Promise<number> {
  const desks = [
    { username: 'js_registrar', prefix: '32' },
    { username: 'nj_registrar', prefix: '3201' },
  ];
  const rng = createRng(opts.seed ^ 0x5eed);
  const counties = [...(await loadCounties(ctx.db)).values()].flat();
  let n = 0;
  for (const [d, desk] of desks.entries()) {
    const actor = await demoActor(ctx, desk.username);
    if (!actor?.unitId) continue;
    const [already] = await ctx.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.registeringUnitId, actor.unitId), inArray(cases.form, ['letter'])))
      .limit(1);
    if (already) continue;
    const places = counties.filter((c) => c.code.startsWith(desk.prefix));
    for (let k = 0; k < UPPER_LETTERS; k++) {
      const county = rng.pick(places);
      const category = weighted(rng, CATEGORY_WEIGHTS);
      const { subject, content } = petitionText(rng, category.code, {
        county: county.name,
        towns: county.towns,
      });
      await registerCase(ctx, actor, {
        form: 'letter',
        purpose: 'claim',
        subject,
        content,
        jurisdictionCode: county.code,
        categoryCode: category.code,
        petitioner: {
          name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
          phone: `1390000${String(3001 + d * 100 + k)}`,
        },
      });
      n++;
    }
  }
  return n;
}
