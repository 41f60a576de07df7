import type { Block, Cell, Inline, ReportDocument } from '../contract';
import { anchorOf, tocEntries } from './text';

// HTML: the preview in the web app (a sandboxed frame) and a file anyone can open.

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(runs: readonly Inline[]): string {
  return runs
    .map((r) => {
      const text = esc(r.text);
      if (r.bold) return `<strong>${text}</strong>`;
      if (r.italic) return `<em>${text}</em>`;
      return text;
    })
    .join('');
}

function cellHtml(tag: 'th' | 'td', c: Cell): string {
  const attrs = [
    c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
    c.align && c.align !== 'left' ? ` class="${c.align}"` : '',
    tag === 'th' ? ' scope="col"' : '',
  ].join('');
  return `<${tag}${attrs}>${inline(c.runs)}</${tag}>`;
}

function tableHtml(block: Extract<Block, { type: 'table' }>): string {
  const head = block.header.length
    ? `<thead>${block.header.map((r) => `<tr>${r.map((c) => cellHtml('th', c)).join('')}</tr>`).join('')}</thead>`
    : '';
  const body = `<tbody>${block.rows.map((r) => `<tr>${r.map((c) => cellHtml('td', c)).join('')}</tr>`).join('')}</tbody>`;
  const notes = block.footnotes.map((f) => `<p class="footnote">${esc(f)}</p>`).join('');
  return `<table data-key="${esc(block.key)}">${head}${body}</table>${notes}`;
}

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.45;color:#111;max-width:52rem;margin:2rem auto;padding:0 1rem}
.kicker{text-align:center;font-weight:bold;margin-top:3rem}
h1.title{text-align:center;font-size:15pt}
h2{font-size:13pt;margin-top:2rem}h3{font-size:12pt}h4{font-size:11pt}
p{text-align:justify}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:10pt}
th,td{border:1px solid #555;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#e8e8e8}.center{text-align:center}.right{text-align:right}
.footnote{font-size:9pt;text-align:left}
nav.toc ul{list-style:none;padding-left:1rem}
hr.page{border:0;border-top:1px dashed #bbb;margin:2rem 0}
.signatures{display:flex;flex-wrap:wrap;gap:2rem;justify-content:space-around;margin-top:4rem}
.signature{flex:1 1 14rem;text-align:center;border-top:1px solid #111;padding-top:.5rem}
`;

/** The report's body as HTML (no <html> wrapper). */
export function renderHtmlBody(doc: ReportDocument): string {
  const out: string[] = [];
  doc.blocks.forEach((block, k) => {
    switch (block.type) {
      case 'title':
        out.push(`<p class="kicker">${esc(block.kicker)}</p>`, `<h1 class="title">${esc(block.text)}</h1>`);
        break;
      case 'toc':
        out.push(
          `<nav class="toc" aria-label="${esc(block.title)}"><h2>${esc(block.title)}</h2><ul>${tocEntries(doc)
            .map(
              (e) =>
                `<li style="margin-left:${(e.level - 1) * 1.2}rem"><a href="#${e.anchor}">${esc(e.text)}</a></li>`,
            )
            .join('')}</ul></nav>`,
        );
        break;
      case 'pageBreak':
        out.push('<hr class="page">');
        break;
      case 'heading': {
        const level = Math.min(block.level + 1, 6);
        out.push(`<h${level} id="${anchorOf(block.text, k)}">${esc(block.text)}</h${level}>`);
        break;
      }
      case 'paragraph':
        out.push(`<p${block.key ? ` data-key="${esc(block.key)}"` : ''}>${inline(block.runs)}</p>`);
        break;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        out.push(`<${tag}>${block.items.map((it) => `<li>${inline(it)}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'table':
        out.push(tableHtml(block));
        break;
      case 'signatures':
        out.push(
          `<div class="signatures">${block.signers
            .map((s) => `<p class="signature"><strong>${esc(s.name)}</strong><br>${esc(s.role)}</p>`)
            .join('')}</div>`,
        );
        break;
    }
  });
  return out.join('\n');
}

/** A standalone HTML document. */
export function renderHtml(doc: ReportDocument): string {
  return `<!doctype html>
<html lang="es-MX"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body><main>
${renderHtmlBody(doc)}
</main></body></html>
`;
}
