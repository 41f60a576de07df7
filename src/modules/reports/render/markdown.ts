import type { Block, Cell, Inline, ReportDocument } from '../contract';
import { columnCount, expandRow, tocEntries } from './text';

// Markdown, for reading changes between versions in a diff: one line per paragraph, GFM tables.

const escape = (s: string) => s.replace(/([\\*_`|[\]<>])/g, '\\$1');

function inline(runs: readonly Inline[]): string {
  return runs
    .map((r) => {
      const text = escape(r.text);
      if (!text.trim()) return text;
      const lead = text.match(/^\s*/)![0];
      const trail = text.match(/\s*$/)![0];
      const core = text.trim();
      if (r.bold) return `${lead}**${core}**${trail}`;
      if (r.italic) return `${lead}*${core}*${trail}`;
      return text;
    })
    .join('');
}

const cellText = (c: Cell) => inline(c.runs).replace(/\n/g, ' ');

function tableMd(block: Extract<Block, { type: 'table' }>): string {
  const n = columnCount(block);
  const headerRows = block.header.map(expandRow);
  const header = Array.from({ length: n }, (_, col) => {
    const parts: string[] = [];
    for (const row of headerRows) {
      const text = row[col] ? cellText(row[col]) : '';
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts.join(' / ');
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [line(header), line(header.map(() => '---'))];
  for (const row of block.rows) {
    const cells = expandRow(row).map(cellText);
    while (cells.length < n) cells.push('');
    out.push(line(cells));
  }
  for (const f of block.footnotes) out.push('', escape(f));
  return out.join('\n');
}

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'title':
        out.push(`**${escape(block.kicker)}**`, `# ${escape(block.text)}`);
        break;
      case 'toc':
        out.push(
          `## ${escape(block.title)}`,
          tocEntries(doc)
            .map((e) => `${'  '.repeat(e.level - 1)}- ${escape(e.text)}`)
            .join('\n'),
        );
        break;
      case 'pageBreak':
        out.push('---');
        break;
      case 'heading':
        out.push(`${'#'.repeat(block.level + 1)} ${escape(block.text)}`);
        break;
      case 'paragraph':
        out.push(inline(block.runs));
        break;
      case 'list':
        out.push(block.items.map((it, k) => `${block.ordered ? `${k + 1}.` : '-'} ${inline(it)}`).join('\n'));
        break;
      case 'table':
        out.push(tableMd(block));
        break;
      case 'signatures':
        // One paragraph per signer: the name in bold, a hard line break, the capacity.
        out.push(block.signers.map((s) => `**${escape(s.name)}**\\\n${escape(s.role)}`).join('\n\n'));
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}
