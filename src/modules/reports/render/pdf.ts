import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Cell, Inline, ReportDocument } from '../contract';
import { pdfLetterhead, type Letterhead } from '../../platform/documents/letterhead';
import { printPdf } from '../../platform/documents/pdf-printer';
import { columnCount } from './text';

// PDF with pdfmake (the installation's one set-up: platform/documents/pdf-printer.ts). Headings feed a contents list with page numbers; pages are numbered in the footer.

const text = (inlines: readonly Inline[]) =>
  inlines.map((r) => ({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false }));

/** Roboto has no ✓ glyph: a tick is drawn as a vector check mark. */
const tick = (): TableCell => ({
  canvas: [
    {
      type: 'polyline',
      lineWidth: 1.2,
      lineColor: 'black',
      points: [
        { x: 1, y: 5 },
        { x: 4, y: 8 },
        { x: 10, y: 1 },
      ],
    },
  ],
  alignment: 'center',
});

function cellOf(c: Cell, header: boolean): TableCell[] {
  const plain = c.runs.map((r) => r.text).join('');
  const content: TableCell =
    plain === '✓' && !header
      ? tick()
      : {
          text: text(c.runs),
          bold: header,
          alignment: c.align ?? 'left',
          ...(header ? { fillColor: '#e8e8e8' } : {}),
        };
  if (c.colSpan && c.colSpan > 1) {
    (content as { colSpan?: number }).colSpan = c.colSpan;
    return [content, ...Array.from({ length: c.colSpan - 1 }, () => ({}))];
  }
  return [content];
}

function tableOf(block: Extract<Block, { type: 'table' }>): Content {
  const n = Math.max(1, columnCount(block));
  const weights = block.widths?.length === n ? block.widths : Array.from({ length: n }, () => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const pad = (cells: TableCell[]) => [...cells, ...Array.from({ length: n - cells.length }, () => '')];
  return {
    stack: [
      {
        table: {
          headerRows: block.header.length,
          dontBreakRows: true,
          widths: weights.map((w) => `${((w / total) * 100).toFixed(2)}%`),
          body: [
            ...block.header.map((r) => pad(r.flatMap((c) => cellOf(c, true)))),
            ...block.rows.map((r) => pad(r.flatMap((c) => cellOf(c, false)))),
          ],
        },
        fontSize: 8.5,
      },
      ...block.footnotes.map((f): Content => ({ text: f, fontSize: 7.5, margin: [0, 3, 0, 0] })),
    ],
    margin: [0, 4, 0, 10],
  };
}

/** US Letter is 612 points wide; the text runs between 60-point margins. */
const SIDE = 60;
const TEXT_WIDTH = 612 - 2 * SIDE;

/** The signers side by side, each under a line to sign on, kept together on one page. */
function signaturesOf(block: Extract<Block, { type: 'signatures' }>): Content {
  const n = Math.max(1, block.signers.length);
  const gap = 20;
  const column = (TEXT_WIDTH - gap * (n - 1)) / n;
  const line = Math.min(180, column - 10);
  // The room to sign is inside the canvas, above its line: a margin would be dropped at a page's top.
  const room = 56;
  return {
    unbreakable: true,
    margin: [0, 10, 0, 10],
    columnGap: gap,
    columns: block.signers.map((s): Column => ({
      width: column,
      stack: [
        {
          canvas: [
            {
              type: 'line',
              x1: (column - line) / 2,
              y1: room,
              x2: (column + line) / 2,
              y2: room,
              lineWidth: 0.7,
            },
          ],
        },
        { text: s.name, bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
        { text: s.role, fontSize: 9, alignment: 'center' },
      ],
    })),
  };
}

export async function renderPdf(doc: ReportDocument, letterhead?: Letterhead): Promise<Buffer> {
  const content: Content[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'title':
        content.push(
          { text: block.kicker, bold: true, alignment: 'center', margin: [0, 160, 0, 24] },
          { text: block.text, style: 'title' },
        );
        break;
      case 'toc':
        content.push({ toc: { title: { text: block.title, style: 'tocTitle' } } });
        break;
      case 'pageBreak':
        content.push({ text: '', pageBreak: 'after' });
        break;
      case 'heading':
        content.push({
          text: block.text,
          style: `h${Math.min(block.level, 4)}`,
          tocItem: Boolean(block.toc),
          ...(block.toc && block.level > 1
            ? { tocMargin: [14, 0, 0, 0] as [number, number, number, number] }
            : {}),
        });
        break;
      case 'paragraph':
        content.push({ text: text(block.runs), style: 'body' });
        break;
      case 'list':
        content.push(
          block.ordered
            ? { ol: block.items.map((it) => ({ text: text(it) })), margin: [10, 0, 0, 8] }
            : { ul: block.items.map((it) => ({ text: text(it) })), margin: [10, 0, 0, 8] },
        );
        break;
      case 'table':
        content.push(tableOf(block));
        break;
      case 'signatures':
        if (block.signers.length) content.push(signaturesOf(block));
        break;
    }
  }
  const head = letterhead && pdfLetterhead(letterhead, { side: SIDE, width: TEXT_WIDTH });
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, creator: 'Vincula', subject: `${doc.organization.name} · ${doc.body.name}` },
    pageSize: 'LETTER',
    pageMargins: [SIDE, Math.max(60, head?.top ?? 0), SIDE, Math.max(60, head?.bottom ?? 0)],
    content,
    ...(head ? { header: () => head.header } : {}),
    footer: (page: number, pages: number): Content => ({
      margin: [SIDE, 20, SIDE, 0],
      stack: [...(head?.footerLines ?? []), { text: `${page} / ${pages}`, alignment: 'right', fontSize: 8 }],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 24] },
      tocTitle: { fontSize: 12, bold: true, margin: [0, 0, 0, 10] },
      h1: { fontSize: 12.5, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
      h4: { fontSize: 10, bold: true, italics: true, margin: [0, 6, 0, 3] },
      body: { alignment: 'justify', margin: [0, 0, 0, 7] },
    },
  };
  return printPdf(definition);
}
