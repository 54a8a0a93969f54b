// Official written documents (法律文书) of the petition process as Word files. Pure: data in,
// bytes out. The same input always gives the same bytes (timestamps come from `issuedAt`).
// The templates add no personal data beyond the petitioner's name: no ID or phone numbers.
import { createHash } from 'node:crypto';
import { chineseDate, defaultDocumentNumber } from './format.ts';
import { layoutDocument } from './layout.ts';
import { isFinalNonAcceptance } from './legalBasis.ts';
import { packDeterministic } from './package.ts';
import { layoutPdf } from './pdf.ts';
import { DOCUMENT_TITLES, FINAL_NON_ACCEPTANCE_TITLE, required } from './templates/common.ts';
import { hearingNotice, hearingRecord } from './templates/hearings.ts';
import { acceptanceNotice, extensionNotice, nonAcceptanceNotice } from './templates/notices.ts';
import { handlingOpinion, rereviewOpinion, reviewOpinion } from './templates/opinions.ts';
import { assignmentOrder, forwardLetter } from './templates/transfers.ts';
import {
  DOCUMENT_KINDS,
  type DocumentData,
  DocumentDataError,
  type DocumentKind,
  type DocumentModel,
} from './types.ts';

export { chineseDate, defaultDocumentNumber, joinLegalBasis } from './format.ts';
export { decisionBasisFor, legalBasisFor, NON_ACCEPTANCE_REASONS } from './legalBasis.ts';
export { DOCUMENT_TITLES, FINAL_NON_ACCEPTANCE_TITLE } from './templates/common.ts';
export type { DocumentData, DocumentKind, DocumentModel, OpinionTemplate } from './types.ts';
export { OPINION_TEMPLATE_NAMES, OPINION_TEMPLATES } from './types.ts';

export interface RenderedDocument {
  buffer: Buffer;
  filename: string;
  title: string;
  sha256: string;
}

export { DOCUMENT_KINDS, DocumentDataError };

/** The text of a document before layout (useful for previews and tests). */
export function buildModel(kind: DocumentKind, data: DocumentData): DocumentModel {
  if (!DOCUMENT_KINDS.includes(kind)) throw new DocumentDataError('kind', `未知的文书类型“${String(kind)}”`);
  required(data, 'issuingBody', '出具机关');
  required(data, 'caseNumber', '信访件编号');
  required(data, 'petitionerName', '信访人姓名');
  required(data, 'subject', '信访事项');
  required(data, 'issuedAt', '成文日期');
  required(data, 'receivedAt', '收到日期');
  switch (kind) {
    case 'acceptance_notice':
      return acceptanceNotice(data);
    case 'non_acceptance_notice':
      return nonAcceptanceNotice(data, isFinalNonAcceptance(data));
    case 'forward_letter':
      return forwardLetter(data);
    case 'assignment_order':
      return assignmentOrder(data);
    case 'extension_notice':
      return extensionNotice(data);
    case 'handling_opinion':
      return handlingOpinion(data);
    case 'review_opinion':
      return reviewOpinion(data);
    case 'rereview_opinion':
      return rereviewOpinion(data);
    case 'hearing_notice':
      return hearingNotice(data);
    case 'hearing_record':
      return hearingRecord(data);
  }
}

/** 3201062026000123-信访处理意见书.docx (characters unsafe in file names replaced). */
const safeName = (s: string) => s.trim().replace(/[\\/:*?"<>|\s]+/g, '_');

/** What Word and PDF both lay out: the model, 文号, signature and date. */
function layoutInput(kind: DocumentKind, data: DocumentData) {
  const model = buildModel(kind, data);
  const issuingBody = data.issuingBody.trim();
  const caseNumber = data.caseNumber.trim();
  const final = kind === 'non_acceptance_notice' && isFinalNonAcceptance(data);
  const documentNumber =
    data.documentNumber?.trim() || defaultDocumentNumber(issuingBody, kind, data.issuedAt, caseNumber, final);
  return {
    model,
    issuingBody,
    documentNumber,
    caseNumber,
    issuedDate: chineseDate(data.issuedAt),
    contactPhone: data.contactPhone?.trim() || undefined,
  };
}

export async function renderDocument(kind: DocumentKind, data: DocumentData): Promise<RenderedDocument> {
  const input = layoutInput(kind, data);
  const { model, issuingBody, caseNumber } = input;
  const doc = layoutDocument(input);
  const { buffer, sha256 } = await packDeterministic(doc, {
    title: model.title,
    creator: issuingBody,
    subject: `信访件编号 ${caseNumber}`,
    at: data.issuedAt,
  });
  return { buffer, sha256, title: model.title, filename: `${safeName(caseNumber)}-${model.title}.docx` };
}

/** The same document as PDF (fonts embedded: phones lack 仿宋), named like the Word file. */
export async function renderDocumentPdf(kind: DocumentKind, data: DocumentData): Promise<RenderedDocument> {
  const input = layoutInput(kind, data);
  const buffer = await layoutPdf(input, data.issuedAt);
  return {
    buffer,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    title: input.model.title,
    filename: `${safeName(input.caseNumber)}-${input.model.title}.pdf`,
  };
}

/**
 * Checks the data (throws DocumentDataError as rendering would) and names the document, without
 * the cost of building the .docx (tens of ms): the platform stores the data when the action
 * commits and renders the bytes on first download — rendering is deterministic, so they are the
 * same bytes whenever that happens.
 */
export function prepareDocument(kind: DocumentKind, data: DocumentData): { title: string; filename: string } {
  const model = buildModel(kind, data);
  return { title: model.title, filename: `${safeName(data.caseNumber.trim())}-${model.title}.docx` };
}

/** Stored document data (JSON) back to DocumentData: dates were serialised as ISO strings. */
export function reviveDocumentData(json: Record<string, unknown>): DocumentData {
  const out = { ...json } as Record<string, unknown>;
  for (const k of ['issuedAt', 'receivedAt', 'dueDate', 'newDueDate']) {
    if (typeof out[k] === 'string') out[k] = new Date(out[k] as string);
  }
  return out as unknown as DocumentData;
}

/** Titles by kind; a non-acceptance notice is titled 不再受理告知书 when final. */
export const titleFor = (kind: DocumentKind, final = false): string =>
  kind === 'non_acceptance_notice' && final ? FINAL_NON_ACCEPTANCE_TITLE : DOCUMENT_TITLES[kind];
