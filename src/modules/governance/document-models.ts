import { voteSummary } from './vote-summary';
import { formatDate } from '../../shared/spanish-dates';
import { capitalize } from '../../shared/spanish-words';
import type { AttendanceTable, Body, SessionDetail } from './contract';
import { footnoteMark, type DocModel, type Letterhead } from '../platform/documents/letterhead';
import { MODALITY_LABELS } from './labels';

// What each governance document says, as a neutral model (rendered to DOCX or PDF elsewhere).

/**
 * Who issues a document and when (a "YYYY-MM-DD" day, printed in Spanish on the letterhead), with
 * the organization's letterhead (logo, header and footer lines) when its administrator set one.
 */
export type Issuer = Omit<Letterhead, 'body' | 'issuedOn'> & { issuedOn: string };

function letterhead(issuer: Issuer, body: Body): Letterhead {
  return { ...issuer, body: body.name, issuedOn: formatDate(issuer.issuedOn) };
}

function sessionLine(s: SessionDetail): string {
  const time = s.startTime ? `, ${s.startTime}${s.endTime ? `–${s.endTime}` : ''} horas` : '';
  return `${capitalize(s.name)}, ${s.heldOnText}${time}. Modalidad ${MODALITY_LABELS[s.modality]}.`;
}

function who(r: SessionDetail['roster'][number]): string {
  return r.institutionName ?? r.personName ?? '';
}

export function agendaDocument(s: SessionDetail, issuer: Issuer): DocModel {
  return {
    title: `Orden del día — ${s.body.name}`,
    letterhead: letterhead(issuer, s.body),
    blocks: [
      { kind: 'title', text: s.body.name },
      { kind: 'paragraph', text: sessionLine(s), bold: true },
      ...(s.convokedOn
        ? [{ kind: 'paragraph' as const, text: `Convocada el ${formatDate(s.convokedOn)}.` }]
        : []),
      { kind: 'heading', text: 'Orden del día' },
      s.agenda.length
        ? {
            kind: 'list',
            numbered: true,
            items: s.agenda.map((i) =>
              i.documents.length
                ? `${i.title} (documentos: ${i.documents.map((d) => d.filename).join(', ')})`
                : i.title,
            ),
          }
        : { kind: 'paragraph', text: 'Sin puntos registrados.' },
    ],
  };
}

export function attendanceListDocument(s: SessionDetail, issuer: Issuer): DocModel {
  const mark = (p: boolean | null) => (p === null ? '—' : p ? 'Presente' : 'Ausente');
  return {
    title: `Lista de asistencia — ${s.body.name}`,
    letterhead: letterhead(issuer, s.body),
    blocks: [
      { kind: 'title', text: s.body.name },
      { kind: 'paragraph', text: sessionLine(s), bold: true },
      { kind: 'heading', text: 'Lista de asistencia' },
      {
        kind: 'table',
        header: ['Cargo', 'Nombre', 'Asistencia'],
        rows: s.roster.map((r) => [r.roleLabel, who(r), mark(r.present)]),
      },
      {
        kind: 'paragraph',
        text: `Quórum: ${s.quorum.votingPresent} de ${s.quorum.votingMembers} integrantes con voto presentes (se requieren ${s.quorum.required}); ${s.quorum.reached ? 'hay quórum' : 'no hay quórum'}.`,
      },
    ],
  };
}

export function minutesDocument(s: SessionDetail, issuer: Issuer): DocModel {
  const present = s.roster.filter((r) => r.present);
  return {
    title: `Minuta — ${s.name}`,
    letterhead: letterhead(issuer, s.body),
    blocks: [
      { kind: 'title', text: `Minuta de la ${s.name} de la ${s.body.name}` },
      { kind: 'paragraph', text: sessionLine(s), bold: true },
      {
        kind: 'paragraph',
        text: s.minutesApprovedBy
          ? `Aprobada mediante el Acuerdo ${s.minutesApprovedBy.number}.`
          : 'Proyecto de minuta.',
      },
      { kind: 'heading', text: 'Asistencia' },
      present.length
        ? { kind: 'list', items: present.map((r) => `${r.roleLabel}: ${who(r)}`) }
        : { kind: 'paragraph', text: 'Sin asistencia registrada.' },
      { kind: 'heading', text: 'Orden del día' },
      s.agenda.length
        ? { kind: 'list', numbered: true, items: s.agenda.map((i) => i.title) }
        : { kind: 'paragraph', text: 'Sin puntos registrados.' },
      { kind: 'heading', text: 'Acuerdos' },
      s.agreements.length
        ? {
            kind: 'list',
            items: s.agreements.map((a) => `${a.number}. ${a.title} (${voteSummary(a)})`),
          }
        : { kind: 'paragraph', text: 'Sin acuerdos.' },
      ...(s.minutesText
        ? [
            { kind: 'heading' as const, text: 'Desarrollo de la sesión' },
            ...s.minutesText.split(/\n{2,}/).map((text) => ({ kind: 'paragraph' as const, text })),
          ]
        : []),
    ],
  };
}

export function attendanceReportDocument(body: Body, t: AttendanceTable, issuer: Issuer): DocModel {
  return {
    title: `Asistencia — ${body.name}`,
    letterhead: letterhead(issuer, body),
    blocks: [
      { kind: 'title', text: `Sesiones de la ${body.name} y asistencia` },
      {
        kind: 'table',
        header: ['Integrantes e invitados', ...t.sessions.map((s) => s.heading)],
        rows: t.rows.map((r) => [
          r.footnote ? `${r.line} ${footnoteMark(r.footnote)}` : r.line,
          ...r.attended.map((a) => (a ? '✓' : '')),
        ]),
      },
      ...(t.footnotes.length ? [{ kind: 'footnotes' as const, items: t.footnotes }] : []),
    ],
  };
}
