import type { Letterhead, LetterheadLogo } from '../../platform/documents/letterhead';
import type { ReportDocument, ReportFormat } from '../contract';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * The letterhead DOCX and PDF print on every page: the one the document was generated with (its
 * logo's bytes read by the caller from its hash); none for a document older than letterheads.
 */
export function reportLetterhead(doc: ReportDocument, logo?: LetterheadLogo): Letterhead | undefined {
  if (!doc.letterhead) return undefined;
  return {
    organization: doc.organization.name,
    acronym: doc.organization.acronym,
    body: doc.body.name,
    headerLines: doc.letterhead.headerLines,
    footerLines: doc.letterhead.footerLines,
    ...(logo ? { logo } : {}),
  };
}

/** The one document tree in any format; DOCX and PDF with the document's letterhead. */
export async function renderReport(
  doc: ReportDocument,
  format: ReportFormat,
  logo?: LetterheadLogo,
): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(doc), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'docx':
      return (await import('./docx')).renderDocx(doc, reportLetterhead(doc, logo));
    case 'pdf':
      return (await import('./pdf')).renderPdf(doc, reportLetterhead(doc, logo));
  }
}

/** "informe-cvoe-2024-01-01-2024-03-31.docx". */
export function reportFileName(doc: ReportDocument, format: ReportFormat): string {
  const acr = doc.body.acronym.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return `informe-${acr}-${doc.from}-${doc.to}.${format}`;
}
