// What the routes of stored reports — the 专报 (routes.ts) and the 通报 (src/bulletins/routes.ts) —
// share: the summary schema, the texts' field, the download's format and how the file is sent.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { zText } from '../server/fields.ts';
import type { ReportFormat } from './render.ts';

export { StoredReportSummary } from './contract.ts';

/** A section's text, kept as typed (not trimmed): the writer's layout is the report's. */
export const sectionText = (label: string) => zText({ label, max: 20_000, trim: false });

export const FormatQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx') });

const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Sends a rendered file: `asciiName` for old clients, the Chinese `name` in filename*. */
export function sendReportFile(
  reply: FastifyReply,
  format: ReportFormat,
  bytes: Buffer,
  asciiName: string,
  name: string,
) {
  return reply
    .header('content-type', MIME[format])
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(bytes);
}
