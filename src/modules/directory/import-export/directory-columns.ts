import type { AREA_KINDS, INSTITUTION_KINDS, INSTITUTION_LEVELS } from '../contract';
import type { Column, EnumLabels } from '../../platform/spreadsheets/columns';

// The columns of the directory's spreadsheets (CSV and XLSX): Spanish names, the input field each
// one feeds, and the Spanish labels of the coded values. Export and import share these tables.

export type DirectoryEntity = 'institution' | 'area' | 'person';

export const INSTITUTION_KIND_LABELS: EnumLabels<(typeof INSTITUTION_KINDS)[number]> = {
  national_electoral_authority: ['Autoridad electoral nacional', 'INE'],
  local_electoral_body: ['Organismo público local electoral', 'OPLE', 'Organismo electoral local'],
  university: ['Universidad', 'Institución académica', 'Institución educativa'],
  civil_society: ['Sociedad civil', 'Organización de la sociedad civil', 'OSC'],
  company_or_chamber: ['Empresa o cámara', 'Empresa', 'Cámara empresarial'],
  government_agency: ['Dependencia de gobierno', 'Gobierno', 'Dependencia gubernamental'],
  judiciary: ['Poder judicial', 'Tribunal', 'Órgano jurisdiccional'],
  international_body: ['Organismo internacional'],
  foreign_electoral_body: ['Organismo electoral extranjero', 'Autoridad electoral extranjera'],
  consulate: ['Consulado', 'Embajada o consulado'],
  migrant_organization: ['Organización de migrantes', 'Organización migrante'],
  political_party: ['Partido político', 'Partido'],
};

export const INSTITUTION_LEVEL_LABELS: EnumLabels<(typeof INSTITUTION_LEVELS)[number]> = {
  local: ['Local', 'Estatal'],
  national: ['Nacional', 'Federal'],
  international: ['Internacional'],
};

export const AREA_KIND_LABELS: EnumLabels<(typeof AREA_KINDS)[number]> = {
  executive_secretariat: ['Secretaría Ejecutiva'],
  administrative_secretariat: ['Secretaría Administrativa'],
  internal_comptroller: ['Contraloría Interna', 'Órgano interno de control', 'OIC'],
  executive_directorate: ['Dirección Ejecutiva'],
  technical_unit: ['Unidad Técnica'],
  directorate: ['Dirección'],
  councillor_office: ['Oficina de consejería', 'Consejería'],
  other: ['Otra', 'Otro'],
};

export const GENDER_LABELS: EnumLabels<'female' | 'male' | 'unspecified'> = {
  female: ['Mujer', 'Femenino'],
  male: ['Hombre', 'Masculino'],
  unspecified: ['No especificado', 'Sin especificar', 'Prefiere no decir'],
};

export const INSTITUTION_COLUMNS: readonly Column[] = [
  { header: 'nombre', field: 'name', type: 'text', required: true, width: 48 },
  { header: 'siglas', field: 'acronym', type: 'text', width: 14 },
  { header: 'tipo', field: 'kind', type: 'enum', required: true, labels: INSTITUTION_KIND_LABELS, width: 28 },
  { header: 'pais', field: 'country', type: 'country', width: 8 },
  {
    header: 'nivel',
    field: 'level',
    type: 'enum',
    required: true,
    labels: INSTITUTION_LEVEL_LABELS,
    width: 14,
  },
  { header: 'correo', field: 'email', type: 'text', width: 30 },
  { header: 'telefono', field: 'phone', type: 'text', width: 18 },
  { header: 'sitio_web', field: 'website', type: 'text', width: 30 },
  { header: 'domicilio', field: 'address', type: 'text', width: 40 },
  { header: 'notas', field: 'notes', type: 'text', width: 40 },
];

export const AREA_COLUMNS: readonly Column[] = [
  { header: 'nombre', field: 'name', type: 'text', required: true, width: 48 },
  { header: 'siglas', field: 'acronym', type: 'text', width: 14 },
  { header: 'tipo', field: 'kind', type: 'enum', required: true, labels: AREA_KIND_LABELS, width: 24 },
  { header: 'area_superior', field: 'parent', type: 'reference', width: 40 },
  { header: 'alias', field: 'aliases', type: 'list', width: 30 },
  { header: 'titular_actual', field: 'currentHead', type: 'exportOnly', width: 32 },
];

export const PERSON_COLUMNS: readonly Column[] = [
  { header: 'nombre_completo', field: 'fullName', type: 'text', required: true, width: 36 },
  { header: 'tratamiento', field: 'honorific', type: 'text', width: 14 },
  { header: 'genero', field: 'gender', type: 'enum', labels: GENDER_LABELS, width: 14 },
  { header: 'alias', field: 'aliases', type: 'list', width: 24 },
  { header: 'correo', field: 'email', type: 'text', width: 30 },
  { header: 'telefono', field: 'phone', type: 'text', width: 18 },
  { header: 'notas', field: 'notes', type: 'text', width: 40 },
  { header: 'cargos_actuales', field: 'currentPositions', type: 'exportOnly', width: 48 },
];

export const COLUMNS: Readonly<Record<DirectoryEntity, readonly Column[]>> = {
  institution: INSTITUTION_COLUMNS,
  area: AREA_COLUMNS,
  person: PERSON_COLUMNS,
};

/** The first words of file names: "instituciones-2024-05-01.csv". */
export const FILE_STEMS: Readonly<Record<DirectoryEntity, string>> = {
  institution: 'instituciones',
  area: 'areas',
  person: 'personas',
};
