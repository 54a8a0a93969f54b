// 启用 a classifier version from the console: one transaction — the version made active, the audit row
// naming who did it — publishing `classifier.activated`, to which intake answers by giving the matters
// still 待确认 the suggestion of the model now in service (src/intake/suggestion.ts).
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { adminPolicy } from '../policies/admin.ts';
import { type Actor, ensureAllowed } from '../policies/index.ts';
import { CATEGORY_MODEL, setActiveVersion } from './store.ts';

export async function activateModel(
  ctx: AppContext,
  actor: Actor,
  version: number | 'lexicon',
): Promise<void> {
  ensureAllowed(adminPolicy.mayAny(actor, 'classifier.activate'), '只有省级管理员可以启用分类建议模型');
  await runCommand(ctx, async (w) => {
    await setActiveVersion(w.tx, version);
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'classifier.activate',
      entity: 'classifier_model',
      entityId: `${CATEGORY_MODEL}@${version}`,
      summary: { name: CATEGORY_MODEL, version },
    });
    await w.publish('classifier.activated', { actor, version, at: new Date() });
  });
}
