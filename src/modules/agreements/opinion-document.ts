import { formatDate } from '../../shared/spanish-dates';
import type { DocModel, Letterhead } from '../platform/documents/letterhead';
import type { Opinion } from './contract';

// What an issued opinion of pertinence says on paper, as a neutral model (rendered to DOCX or PDF).

/** The issued opinion with its number, the instrument, the areas that asked and its text. */
export function opinionDocument(
  opinion: Opinion & { number: string; issuedOn: string },
  /** The organization's letterhead (its logo, header and footer lines when set). */
  issuer: Omit<Letterhead, 'body' | 'issuedOn'>,
): DocModel {
  const paragraphs = (opinion.content ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    title: `Opinión de pertinencia ${opinion.number}`,
    letterhead: {
      ...issuer,
      body: 'Opinión de pertinencia',
      issuedOn: formatDate(opinion.issuedOn),
    },
    blocks: [
      { kind: 'title', text: `Opinión de pertinencia ${opinion.number}` },
      { kind: 'paragraph', text: `Instrumento: ${opinion.instrumentTitle}`, bold: true },
      {
        kind: 'paragraph',
        text: `Solicitada el ${formatDate(opinion.requestedOn)} por ${opinion.areas.map((a) => a.name).join(', ')}.`,
      },
      { kind: 'heading', text: 'Opinión' },
      ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      { kind: 'paragraph', text: `Emitida el ${formatDate(opinion.issuedOn)}.` },
    ],
  };
}
