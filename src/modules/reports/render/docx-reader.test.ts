import JSZip from 'jszip';
import { XmlDocument, XmlElement, type XmlNodeBase } from 'xmldoc';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../build-report';
import type { Block, ReportDocument } from '../contract';
import { secondOrganization } from '../sample-data';
import { renderReport } from './index';
import { plain, tocEntries } from './text';

// The DOCX opened by an independent reader: the package unzipped and its parts parsed by a real
// XML parser (xmldoc, over sax), then read the way a word processor does — paragraphs with their
// styles, tables with their rows, header rows and merged cells, fields — and compared with the
// document tree it was written from.

type Para = { kind: 'p'; style: string | undefined; text: string; numbered: boolean; pageBreak: boolean };
type Row = { header: boolean; cells: { text: string; span: number }[] };
type Tbl = { kind: 'tbl'; grid: number; rows: Row[] };
type Sdt = { kind: 'sdt'; instructions: string; entries: Para[] };

const elements = (e: XmlElement): XmlElement[] =>
  e.children.filter((c: XmlNodeBase): c is XmlElement => c instanceof XmlElement);
const descendants = (e: XmlElement, name: string): XmlElement[] =>
  elements(e).flatMap((c) => (c.name === name ? [c] : descendants(c, name)));
const textOf = (e: XmlElement): string =>
  descendants(e, 'w:r')
    .flatMap((r) => elements(r).map((c) => (c.name === 'w:t' ? c.val : c.name === 'w:tab' ? '\t' : '')))
    .join('');

function paragraph(p: XmlElement): Para {
  const pPr = p.childNamed('w:pPr');
  return {
    kind: 'p',
    style: pPr?.childNamed('w:pStyle')?.attr['w:val'],
    text: textOf(p),
    numbered: Boolean(pPr?.childNamed('w:numPr')),
    pageBreak: descendants(p, 'w:br').some((br) => br.attr['w:type'] === 'page'),
  };
}

function table(tbl: XmlElement): Tbl {
  return {
    kind: 'tbl',
    grid: tbl.childNamed('w:tblGrid')!.childrenNamed('w:gridCol').length,
    rows: tbl.childrenNamed('w:tr').map((tr) => ({
      header: Boolean(tr.childNamed('w:trPr')?.childNamed('w:tblHeader')),
      cells: tr.childrenNamed('w:tc').map((tc) => ({
        text: tc
          .childrenNamed('w:p')
          .map((p) => textOf(p))
          .join('\n'),
        span: Number(tc.childNamed('w:tcPr')?.childNamed('w:gridSpan')?.attr['w:val'] ?? 1),
      })),
    })),
  };
}

function readBody(xml: string): (Para | Tbl | Sdt)[] {
  const body = new XmlDocument(xml).childNamed('w:body')!;
  return elements(body).flatMap((e): (Para | Tbl | Sdt)[] => {
    if (e.name === 'w:p') return [paragraph(e)];
    if (e.name === 'w:tbl') return [table(e)];
    if (e.name === 'w:sdt')
      return [
        {
          kind: 'sdt',
          instructions: descendants(e, 'w:instrText')
            .map((i) => i.val)
            .join(' '),
          entries: e.childNamed('w:sdtContent')!.childrenNamed('w:p').map(paragraph),
        },
      ];
    return [];
  });
}

let doc: ReportDocument;
let zip: JSZip;
let body: (Para | Tbl | Sdt)[];
const part = (name: string) => zip.file(name)!.async('string');

beforeAll(async () => {
  doc = buildReport(secondOrganization());
  zip = await JSZip.loadAsync(await renderReport(doc, 'docx'));
  body = readBody(await part('word/document.xml'));
});

const paragraphs = () => body.filter((b): b is Para => b.kind === 'p');
const tables = () => body.filter((b): b is Tbl => b.kind === 'tbl');
const blocks = <T extends Block['type']>(type: T) =>
  doc.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

describe('the DOCX read back', () => {
  it('has every heading, in order, as a heading paragraph of its level', () => {
    const headings = paragraphs()
      .filter((p) => /^Heading\d$/.test(p.style ?? ''))
      .map((p) => ({ level: Number(p.style!.slice(-1)), text: p.text }));
    expect(headings).toEqual(blocks('heading').map((h) => ({ level: Math.min(h.level, 4), text: h.text })));
    expect(headings.length).toBeGreaterThan(5);
    const title = paragraphs().find((p) => p.style === 'Title')!;
    expect(title.text).toBe(blocks('title')[0]!.text);
  });

  it('has every paragraph and list item of the tree, in order', () => {
    const texts = paragraphs()
      .filter((p) => p.style === 'Body')
      .map((p) => p.text);
    const expected = doc.blocks.flatMap((b) =>
      b.type === 'paragraph' ? [plain(b.runs)] : b.type === 'list' ? b.items.map(plain) : [],
    );
    expect(texts).toEqual(expected);
    const items = blocks('list').reduce((s, l) => s + l.items.length, 0);
    expect(paragraphs().filter((p) => p.numbered)).toHaveLength(items);
  });

  it("has every table with its header rows, merged cells and each cell's text", () => {
    const expected = blocks('table');
    expect(tables()).toHaveLength(expected.length);
    tables().forEach((tbl, k) => {
      const block = expected[k]!;
      const rows = [
        ...block.header.map((r) => ({ header: true, r })),
        ...block.rows.map((r) => ({ header: false, r })),
      ];
      expect(tbl.rows).toEqual(
        rows.map(({ header, r }) => ({
          header,
          cells: r.map((c) => ({ text: plain(c.runs), span: c.colSpan ?? 1 })),
        })),
      );
      // Every row fills the grid exactly (a word processor would shift cells otherwise).
      for (const row of tbl.rows) expect(row.cells.reduce((s, c) => s + c.span, 0)).toBe(tbl.grid);
    });
  });

  it('has the attendance table: sessions under a merged header, a mark per session attended', () => {
    const attendance = expected('attendance');
    const read = tables()[blocks('table').indexOf(attendance)]!;
    expect(read.rows[0]!.header).toBe(true);
    expect(read.rows[0]!.cells.some((c) => c.span > 1)).toBe(true);
    const body = read.rows.filter((r) => !r.header);
    expect(body.length).toBe(attendance.rows.length);
    expect(body.flatMap((r) => r.cells.map((c) => c.text))).toContain('✓');
  });

  it('has a table of contents field listing the contents headings', () => {
    const sdt = body.find((b): b is Sdt => b.kind === 'sdt')!;
    expect(sdt.instructions).toMatch(/TOC\s.*\\o\s+"1-2"/);
    const listed = sdt.entries.map((e) => e.text.replace(/\t.*$/, '').trim()).filter(Boolean);
    expect(listed).toEqual(tocEntries(doc).map((e) => e.text));
    const index = body.indexOf(sdt);
    const titleOfToc = body[index - 1] as Para;
    expect(titleOfToc.text).toBe(blocks('toc')[0]!.title);
  });

  it('numbers the pages in the footer with a PAGE field', async () => {
    const rels = new XmlDocument(await part('word/_rels/document.xml.rels'));
    const footers = rels.childrenNamed('Relationship').filter((r) => r.attr.Type?.endsWith('/footer'));
    expect(footers.length).toBeGreaterThan(0);
    const footer = new XmlDocument(await part(`word/${footers[0]!.attr.Target}`));
    const instructions = [
      ...descendants(footer, 'w:instrText').map((i) => i.val),
      ...descendants(footer, 'w:fldSimple').map((f) => f.attr['w:instr']),
    ].join(' ');
    expect(instructions).toMatch(/\bPAGE\b/);
  });

  it('defines every paragraph style it uses', async () => {
    const styles = new XmlDocument(await part('word/styles.xml'));
    const defined = new Set(styles.childrenNamed('w:style').map((s) => s.attr['w:styleId']));
    const used = new Set(
      [...body.flatMap((b) => (b.kind === 'sdt' ? b.entries : b.kind === 'p' ? [b] : []))]
        .map((p) => p.style)
        .filter((s): s is string => Boolean(s)),
    );
    const xml = await part('word/document.xml');
    for (const m of xml.matchAll(/<w:pStyle w:val="([^"]+)"/g)) used.add(m[1]!);
    for (const style of used) expect(defined, style).toContain(style);
    expect(used).toContain('TableText');
    expect(used).toContain('TableHeader');
  });
});

function expected(key: string) {
  const found = blocks('table').find((b) => b.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found;
}
