import { describe, expect, it } from 'vitest';
import { voteSummary } from './vote-summary';

const vote = (personName: string, v: 'favor' | 'contra' | 'abstencion' | 'ausente') => ({
  membershipId: '00000000-0000-4000-8000-000000000001',
  personId: '00000000-0000-4000-8000-000000000002',
  personName,
  vote: v,
});
const opinion = (personName: string, kind: 'particular' | 'concurrente') => ({
  id: '00000000-0000-4000-8000-000000000003',
  personId: '00000000-0000-4000-8000-000000000002',
  personName,
  kind,
  filename: 'voto.pdf',
  sha256: 'x',
});

describe('voteSummary', () => {
  it('states unanimity and any concurring opinion', () => {
    expect(voteSummary({ voteKind: 'unanimous', votes: [], opinions: [] })).toBe('por unanimidad');
    expect(
      voteSummary({ voteKind: 'unanimous', votes: [], opinions: [opinion('Ana Pérez', 'concurrente')] }),
    ).toBe('por unanimidad; con voto concurrente de Ana Pérez');
  });

  it('counts a majority and names each vote, the absent and the dissent', () => {
    expect(
      voteSummary({
        voteKind: 'recorded',
        votes: [
          vote('Ana', 'favor'),
          vote('Beto', 'contra'),
          vote('Carla', 'ausente'),
          vote('Dora', 'favor'),
        ],
        opinions: [opinion('Beto', 'particular')],
      }),
    ).toBe(
      'por mayoría, 2 votos a favor, 1 en contra, 0 abstenciones (a favor: Ana, Dora; en contra: Beto; ausente: Carla); con voto particular de Beto',
    );
  });

  it('calls a recorded vote without dissent or abstention unanimous of those present', () => {
    expect(
      voteSummary({
        voteKind: 'recorded',
        votes: [vote('Ana', 'favor'), vote('Carla', 'ausente')],
        opinions: [],
      }),
    ).toBe(
      'por unanimidad de votos presentes, 1 voto a favor, 0 en contra, 0 abstenciones (a favor: Ana; ausente: Carla)',
    );
  });
});
