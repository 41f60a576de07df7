import { describe, expect, it } from 'vitest';
import { recordSources } from '../program/record-sources';
import { buildReport } from './build-report';
import { SOURCE_BLOCKS } from './collect-program-data';
import { MODULE_BLOCKS } from './module-blocks';
import { renderMarkdown } from './render/markdown';
import { secondOrganization } from './sample-data';

// The blocks the modules contribute to section IV (ADR 0036): each shown by the objectives naming
// a record source the program offers, and in a fixed order when the period has no program.

describe('the modules’ blocks of section IV', () => {
  it('are each shown by a record source of the program, in the order the sources list them', () => {
    const codes = recordSources().map((s) => s.code);
    for (const mb of MODULE_BLOCKS) expect(codes).toContain(mb.source);
    expect(SOURCE_BLOCKS).toEqual({
      'channel.folios': ['channel.status', 'channel.fortnightly'],
      'governance.mandate_updates': ['governance.mandates'],
      'agreements.signed_instruments': ['agreements.signed'],
      'agreements.accompaniments': ['agreements.negotiation'],
      'agreements.opinions': ['agreements.opinions'],
    });
  });

  it('each get a numbered heading of their own in a period without a program, when they have records', () => {
    const md = renderMarkdown(
      buildReport(
        secondOrganization({
          program: null,
          mandateUpdates: ['2025-04-03'],
          instruments: {
            from: '2025-04-01',
            to: '2025-06-30',
            signed: [{ n: 1, instrument: 'Convenio con la Universidad del Norte', signedOn: '2025-05-20' }],
            negotiation: { activities: 0, institutions: 0, areasAccompanied: [], rows: [] },
            opinions: [],
            reviewUpdates: [],
          },
        }),
      ),
    );
    const section = md.slice(md.indexOf('## IV.'), md.indexOf('## V.'));
    expect([...section.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual([
      '1. Seguimiento de los acuerdos del Consejo General',
      '2. Instrumentos suscritos',
    ]);
  });
});
