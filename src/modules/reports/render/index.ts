import type { ReportDocument, ReportFormat } from '../contract';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The one document tree in any format. */
export async function renderReport(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(doc), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'docx':
      return (await import('./docx')).renderDocx(doc);
    case 'pdf':
      return (await import('./pdf')).renderPdf(doc);
  }
}

/** "informe-cvoe-2024-01-01-2024-03-31.docx". */
export function reportFileName(doc: ReportDocument, format: ReportFormat): string {
  const acr = doc.body.acronym.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return `informe-${acr}-${doc.from}-${doc.to}.${format}`;
}
