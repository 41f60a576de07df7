import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../build-report';
import type { ReportDocument } from '../contract';
import { secondOrganization } from '../sample-data';
import { renderReport } from './index';
import { plain } from './text';
import { drawDemoLogo } from '../../accounts/demo-letterhead';

// The PDF read back: its objects parsed, content streams inflated, and the text decoded through
// each font's ToUnicode map (what a PDF reader's copy and search use) — then compared with the
// document tree. Not a general PDF parser: enough for pdfmake's output (no object streams).

type PdfObject = { dict: string; stream?: Buffer };

function objectsOf(pdf: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  for (const m of pdf.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const s = /^([\s\S]*?)stream\r?\n([\s\S]*?)\r?\nendstream/.exec(m[2]!);
    if (!s) objects.set(Number(m[1]), { dict: m[2]! });
    else {
      const raw = Buffer.from(s[2]!, 'latin1');
      objects.set(Number(m[1]), { dict: s[1]!, stream: /FlateDecode/.test(s[1]!) ? inflateSync(raw) : raw });
    }
  }
  return objects;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  // A ligature's glyph maps to several characters: <0066 0069> is "fi".
  const text = (hex: string) =>
    String.fromCharCode(
      ...hex
        .replace(/\s+/g, '')
        .match(/.{4}/g)!
        .map((h) => parseInt(h, 16)),
    );
  for (const b of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of b[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(m[1]!.toLowerCase(), text(m[2]!));
  for (const b of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of b[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const [lo, hi, width] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), m[1]!.length];
      const key = (c: number) => c.toString(16).padStart(width, '0');
      if (m[3]!.startsWith('['))
        [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((x, k) => map.set(key(lo + k), text(x[1]!)));
      else {
        const base = parseInt(m[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(key(c), String.fromCharCode(base + c - lo));
      }
    }
  return map;
}

/** The text of every page, in drawing order, words separated by single spaces. */
function textOf(objects: Map<number, PdfObject>): { pages: number; text: string; fonts: string[] } {
  const fonts = new Map<string, Map<string, string>>();
  const baseFonts: string[] = [];
  for (const o of objects.values())
    for (const m of o.dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(m[2]))!.dict;
      baseFonts.push(/\/BaseFont\s*\/(\S+)/.exec(font)![1]!);
      const cmap = objects.get(Number(/\/ToUnicode (\d+) 0 R/.exec(font)![1]))!.stream!;
      fonts.set(m[1]!, toUnicode(cmap.toString('latin1')));
    }
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  let text = '';
  for (const page of pages) {
    const content = objects.get(Number(/\/Contents (\d+) 0 R/.exec(page.dict)![1]))!.stream!;
    let font = new Map<string, string>();
    for (const m of content
      .toString('latin1')
      .matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj|\b(ET|T\*|Td|TD)\b/g)) {
      if (m[1]) font = fonts.get(m[1])!;
      else if (m[4]) text += ' ';
      else
        for (const hex of m[2] !== undefined
          ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!)
          : [m[3]!])
          for (const glyph of hex.match(/.{4}/g) ?? []) text += font.get(glyph.toLowerCase()) ?? '\uFFFD';
    }
  }
  return { pages: pages.length, text: text.replace(/\s+/g, ' '), fonts: [...new Set(baseFonts)] };
}

let doc: ReportDocument;
let read: ReturnType<typeof textOf>;
// Compared without spaces: the reader cannot tell a line break inside "IEEE/CG" from a space.
const squeeze = (s: string) => s.replace(/\s+/g, '');
const expectText = (text: string, where?: string) =>
  expect(squeeze(read.text), where).toContain(squeeze(text));

// The second organization with its own letterhead, legal basis, ordinal and signers (issue 16).
const LETTERHEAD = {
  headerLines: ['Organismo Público Local Electoral del Estado B', 'Unidad de Vinculación'],
  footerLines: ['Avenida Central 100, Ciudad B · www.oplb.example'],
  logo: { sha256: 'x', mediaType: 'image/png' as const, width: 240, height: 96 },
};
const SIGNERS = [
  { name: 'Consejera Electoral Laura Méndez Soto', role: 'Presidenta del Comité de Enlace Institucional' },
  { name: 'Lic. Ramón Gil Torres', role: 'Secretario Técnico del Comité de Enlace Institucional' },
];
let pdfBytes: Buffer;

beforeAll(async () => {
  doc = buildReport({
    ...secondOrganization(),
    legalBasis: 'Este informe se presenta conforme al artículo 10 de la Ley Electoral del Estado B.',
    ordinal: 3,
    signers: SIGNERS,
    letterhead: LETTERHEAD,
  });
  const logo = { data: drawDemoLogo(), mediaType: 'image/png' as const, width: 240, height: 96 };
  pdfBytes = await renderReport(doc, 'pdf', logo);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  read = textOf(objectsOf(pdfBytes.toString('latin1')));
});

describe('the PDF read back', () => {
  it('has pages in the embedded Roboto fonts, every glyph mapped to text', () => {
    expect(read.pages).toBeGreaterThanOrEqual(2);
    expect(read.fonts.every((f) => /\+Roboto-/.test(f))).toBe(true);
    expect(read.text).not.toContain('\uFFFD');
  });

  it('has the title, every heading and every paragraph of the tree', () => {
    const title = doc.blocks.find((b) => b.type === 'title')!;
    expectText(title.type === 'title' ? title.text : '');
    for (const b of doc.blocks) {
      if (b.type === 'heading') expectText(b.text);
      if (b.type === 'paragraph') expectText(plain(b.runs));
      if (b.type === 'list') for (const item of b.items) expectText(plain(item));
    }
  });

  it("has every table cell's text (ticks are drawn, not written)", () => {
    for (const b of doc.blocks)
      if (b.type === 'table')
        for (const row of [...b.header, ...b.rows])
          for (const c of row) {
            const text = plain(c.runs).trim();
            if (text && text !== '✓') expectText(text, b.key);
          }
  });

  it('opens with its own ordinal title and legal basis', () => {
    expectText('Tercer informe trimestral del Comité de Enlace Institucional de abril a junio de 2025.');
    expectText('Este informe se presenta conforme al artículo 10 de la Ley Electoral del Estado B.');
    const opening = squeeze(read.text);
    expect(opening.indexOf(squeeze('Tercer informe trimestral'))).toBeLessThan(
      opening.indexOf(squeeze('Este informe se presenta conforme')),
    );
  });

  it('prints the letterhead on every page: logo, header lines, body, footer lines', () => {
    const count = (s: string) => squeeze(read.text).split(squeeze(s)).length - 1;
    for (const line of [...LETTERHEAD.headerLines, ...LETTERHEAD.footerLines])
      expect(count(line), line).toBe(read.pages);
    // The logo: one image of its size in pixels, drawn on every page.
    expect(pdfBytes.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect(pdfBytes.toString('latin1')).toMatch(/\/Width 240/);
  });

  it('closes its text with the signers, before the annexes', () => {
    const text = squeeze(read.text);
    for (const s of SIGNERS) expectText(`${s.name} ${s.role}`);
    const annexes = doc.blocks.findIndex((b) => b.type === 'heading' && b.text.startsWith('VI.'));
    const signatures = doc.blocks.findIndex((b) => b.type === 'signatures');
    expect(signatures).toBeGreaterThan(0);
    if (annexes >= 0) expect(signatures).toBeLessThan(annexes);
    expect(text.indexOf(squeeze(SIGNERS[0]!.name))).toBeGreaterThan(
      text.indexOf(squeeze('V. Actividades pendientes')),
    );
  });

  it('numbers every page in the footer and lists the contents', () => {
    for (let page = 1; page <= read.pages; page++) expect(read.text).toContain(`${page} / ${read.pages}`);
    const toc = doc.blocks.find((b) => b.type === 'toc');
    expect(toc?.type === 'toc' && squeeze(read.text).includes(squeeze(toc.title))).toBe(true);
  });
});
