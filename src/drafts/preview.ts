// 预览: the draft as the petitioner will read it — the action's own document data (the same
// function the engine calls when the opinion is issued, so the page shows what will be issued),
// rendered as PDF (src/documents/pdf.ts) and its pages as PNG (pdftoppm, Debian's poppler-utils).
// Measured on the CI machine: about 2 s for the PDF (pdfmake subsetting the CJK font), 0.1 s for
// the pages. Today's date and the default 文号 are printed as they would be if issued today.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { petitionerContact } from '../cases/effects.ts';
import { portsFor } from '../cases/engine.ts';
import type { CaseRow } from '../cases/units.ts';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { type DocumentData, DocumentDataError, renderDocumentPdf } from '../documents/index.ts';
import type { OpinionTemplate } from '../documents/types.ts';
import { DRAFT_ACTIONS, type DraftAction } from '../domain/drafts/rules.ts';
import { actionDef } from '../domain/lifecycle/actions.ts';
import type { Clocks } from '../domain/lifecycle/clocks.ts';
import { AppError, badRequest } from '../errors.ts';
import type { Actor } from '../policies/index.ts';

const run = promisify(execFile);

export interface DraftToPreview {
  action: DraftAction;
  unitId: number;
  fields: Record<string, string>;
  template: string;
}

/** The document data the action would store if issued now with the draft's text. */
export async function draftDocumentData(
  ctx: AppContext,
  actor: Actor,
  c: CaseRow,
  d: DraftToPreview,
): Promise<DocumentData> {
  const def = actionDef(d.action);
  const parsed = def.payload.safeParse(d.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(
      'draft_incomplete',
      `草稿尚不完整：${issue?.message ?? '请补全'}`,
      issue?.path.join('.'),
    );
  }
  const doc = def.document;
  if (!doc) throw new Error(`action ${d.action} has no document`);
  return ctx.db.transaction(async (tx) => {
    const lookup = new UnitLookup(ctx.db);
    const unit = await lookup.unit(tx, d.unitId);
    const contact = await petitionerContact(ctx, tx, c.id);
    const now = new Date();
    const data = await doc.data(
      {
        payload: parsed.data as never,
        c: c as CaseRow & { clocks: Clocks },
        effect: { patch: {}, detail: {} as never },
        actorUnit: unit,
        petitionerName: contact.name,
        now,
        ports: portsFor(tx, lookup, actor, c),
      },
      {
        issuingBody: unit?.name ?? '信访部门',
        caseNumber: c.caseNumber,
        issuedAt: now,
        petitionerName: contact.name,
        receivedAt: c.receivedAt,
        subject: c.subject,
      },
    );
    return { ...data, template: d.template as OpinionTemplate };
  });
}

/** PDF pages as PNG (60 dpi: a phone-sized page, ~40 KB). */
export async function pdfPages(pdf: Buffer, dpi = 60): Promise<Buffer[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xf-preview-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    try {
      await run('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, 'page')], { timeout: 30_000 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError(
          503,
          'preview_unavailable',
          '服务器未安装 poppler-utils（pdftoppm），无法生成预览',
        );
      throw err;
    }
    const names = (await readdir(dir)).filter((n) => n.startsWith('page') && n.endsWith('.png')).sort();
    return Promise.all(names.map((n) => readFile(path.join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The draft rendered: its title and pages (PNG). */
export async function previewDraft(ctx: AppContext, actor: Actor, c: CaseRow, d: DraftToPreview) {
  const data = await draftDocumentData(ctx, actor, c, d);
  try {
    const pdf = await renderDocumentPdf(DRAFT_ACTIONS[d.action], data);
    return { title: pdf.title, pages: await pdfPages(pdf.buffer) };
  } catch (err) {
    if (err instanceof DocumentDataError)
      throw badRequest('draft_incomplete', `草稿尚不完整：${err.message}`, err.field);
    throw err;
  }
}
