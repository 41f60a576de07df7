import type { ReportData } from './report-data';

// A second organization, with its own committee and program (for tests and the benchmark):
// nothing in the builders is specific to the reference's institute.

const session = (id: string, number: number, heldOn: string) => ({
  id,
  bodyId: 'b1',
  kind: 'ordinaria' as const,
  number,
  name: `${number === 1 ? 'primera' : 'segunda'} sesión ordinaria de 2025`,
  heldOn,
  heldOnText: heldOn,
  startTime: null,
  endTime: null,
  modality: 'presencial' as const,
  convokedOn: null,
  place: null,
  minutesText: null,
  minutesApprovedBy: null,
  status: 'held' as const,
  cancellation: null,
});

export function secondOrganization(over: Partial<ReportData> = {}): ReportData {
  return {
    organization: { name: 'Instituto Electoral del Estado de Ejemplo', acronym: 'IEEE' },
    body: {
      id: 'b1',
      name: 'Comité de Enlace Institucional',
      acronym: 'CEI',
      createdByAgreement: 'IEEE/CG/010/2024',
      createdOn: '2024-11-05',
    },
    from: '2025-04-01',
    to: '2025-06-30',
    members: [
      {
        role: 'president',
        name: 'Laura Méndez Soto',
        honorific: null,
        gender: 'female',
        title: 'Consejera Electoral',
      },
      {
        role: 'member',
        name: 'Pablo Ortiz Lara',
        honorific: null,
        gender: 'male',
        title: 'Consejero Electoral',
      },
    ],
    secretaries: [
      {
        name: 'Ana Torres Gil',
        honorific: 'Dra.',
        gender: 'female',
        title: 'Directora de Enlace',
        startsOn: '2024-11-20',
        agreementNumber: 'CEI/001/2024',
      },
    ],
    attendance: {
      sessions: [
        { id: 's1', heading: '1° Ord', name: 'primera sesión ordinaria de 2025', heldOn: '2025-04-10' },
        { id: 's2', heading: '2° Ord', name: 'segunda sesión ordinaria de 2025', heldOn: '2025-06-12' },
      ],
      rows: [
        {
          role: 'president',
          roleLabel: 'Presidencia',
          line: 'Presidencia: Laura Méndez Soto',
          name: 'Laura Méndez Soto',
          personId: null,
          institutionId: null,
          attended: [true, true],
          count: 2,
          held: 2,
          percent: 100,
          footnote: null,
        },
        {
          role: 'member',
          roleLabel: 'Integrante',
          line: 'Integrante: Pablo Ortiz Lara',
          name: 'Pablo Ortiz Lara',
          personId: null,
          institutionId: null,
          attended: [true, false],
          count: 1,
          held: 2,
          percent: 50,
          footnote: null,
        },
      ],
      footnotes: [],
    },
    agreements: {
      sessions: [
        {
          session: session('s1', 1, '2025-04-10'),
          heading: 'Primera sesión ordinaria, jueves 10 de abril de 2025',
          agreements: [
            {
              id: 'a1',
              bodyId: 'b1',
              sessionId: 's1',
              agendaItemId: null,
              number: 'CEI/001/2025',
              year: 2025,
              sequence: 1,
              title: 'Aprobación del orden del día',
              body: null,
              adoptedOn: '2025-04-10',
              voteKind: 'unanimity' as never,
              votes: [],
              opinions: [],
              historical: false,
              frozen: false,
            },
          ],
        },
        {
          session: session('s2', 2, '2025-06-12'),
          heading: 'Segunda sesión ordinaria, jueves 12 de junio de 2025',
          agreements: [],
        },
      ],
      total: 1,
    },
    mandateUpdates: [],
    channel: null,
    instruments: null,
    pendingOpinions: 0,
    openInstruments: [],
    program: {
      name: 'Programa Anual de Enlace 2025',
      lines: [
        {
          number: '1',
          title: 'Enlace con universidades',
          objectives: [
            {
              key: 'A',
              title: 'Organizar conferencias',
              blocks: [],
              reason: null,
              activities: [
                {
                  on: '2025-05-14',
                  until: null,
                  text: 'Conferencia sobre participación <juvenil> en la Universidad del Norte',
                },
              ],
            },
            {
              key: 'B',
              title: 'Firmar cartas de intención',
              blocks: ['agreements.signed'],
              reason: 'Las universidades pospusieron la firma al siguiente trimestre.',
              activities: [],
            },
          ],
        },
      ],
    },
    pendingItems: [{ line: '1', text: 'Conferencia en la **Universidad del Sur**.' }],
    ...over,
  };
}
