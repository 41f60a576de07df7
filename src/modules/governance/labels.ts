import type { AttendanceRole, HeadKind } from './contract';

// How the institution names each capacity in rosters, attendance lists and reports.

export type Gender = 'female' | 'male' | 'unspecified' | string;

const SECRETARIAT_KINDS = ['executive_secretariat', 'administrative_secretariat'];

export type SeatNames = {
  role: AttendanceRole;
  headKind: HeadKind | null;
  gender: Gender;
  area?: { name: string; acronym: string | null; kind: string } | null;
};

/**
 * The short label the report uses: "Presidencia", "Integrante", "Secretario técnico",
 * "Representación de partido", "Secretaría Ejecutiva" (a secretariat is named by itself),
 * "Titular de la UTAJ", "Encargado de despacho de la DEECyCC".
 */
export function seatLabel(s: SeatNames, long = false): string {
  switch (s.role) {
    case 'president':
      return 'Presidencia';
    case 'member':
      return 'Integrante';
    case 'technical_secretary':
      return s.gender === 'female' ? 'Secretaria técnica' : 'Secretario técnico';
    case 'party_representation':
      return 'Representación de partido';
    case 'invitee':
      return 'Persona invitada';
    case 'area_head': {
      const a = s.area;
      if (!a) return 'Titular de área';
      if (SECRETARIAT_KINDS.includes(a.kind)) return a.name;
      const who =
        s.headKind === 'encargado_de_despacho'
          ? s.gender === 'female'
            ? 'Encargada de despacho'
            : 'Encargado de despacho'
          : 'Titular';
      return `${who} de la ${long ? a.name : (a.acronym ?? a.name)}`;
    }
  }
}

/** The line of the attendance table as the report prints it. */
export function seatLine(s: SeatNames, name: string): string {
  if (s.role === 'party_representation') return name;
  if (s.role === 'area_head') return `${seatLabel(s, true)}, ${name}`;
  return `${seatLabel(s)}: ${name}`;
}

const HONORIFIC_WORDS: Record<string, [string, string]> = {
  'Mtro.': ['del', 'maestro'],
  'Mtra.': ['de la', 'maestra'],
  'Dr.': ['del', 'doctor'],
  'Dra.': ['de la', 'doctora'],
  'Lic.': ['del', 'licenciado'],
  'Ing.': ['del', 'ingeniero'],
};

/**
 * The footnote of a technical secretary replaced by agreement who kept attending in another
 * capacity: "Derivado de la designación del maestro Álvaro Mario Castañón Cuevas como secretario
 * técnico (Acuerdo CVOE/006/2024), las asistencias posteriores del Secretario Ejecutivo se
 * registraron en el apartado correspondiente."
 */
export function roleChangeFootnote(f: {
  successorName: string;
  successorHonorific: string | null;
  successorGender: Gender;
  agreementNumber: string;
  formerTitle: string;
  formerGender: Gender;
}): string {
  const h = f.successorHonorific ? HONORIFIC_WORDS[f.successorHonorific] : undefined;
  const successor = h ? `${h[0]} ${h[1]} ${f.successorName}` : `de ${f.successorName}`;
  const role = f.successorGender === 'female' ? 'secretaria técnica' : 'secretario técnico';
  const former = `${f.formerGender === 'female' ? 'de la' : 'del'} ${f.formerTitle}`;
  return `Derivado de la designación ${successor} como ${role} (Acuerdo ${f.agreementNumber}), las asistencias posteriores ${former} se registraron en el apartado correspondiente.`;
}

export const MODALITY_LABELS = {
  presencial: 'presencial',
  a_distancia: 'a distancia',
  hibrida: 'híbrida',
} as const;

/** A vote as the minutes write it. */
export const VOTE_LABELS = {
  favor: 'a favor',
  contra: 'en contra',
  abstencion: 'abstención',
  ausente: 'ausente',
} as const;

export const OPINION_LABELS = {
  particular: 'voto particular',
  concurrente: 'voto concurrente',
} as const;
