import fs from 'node:fs';
import { z } from 'zod';
import { findBodyByAcronym } from '../governance';
import type { Db } from '../platform/db/client';
import { AppError, invalid } from '../platform/errors';
import { issuesToFields } from '../platform/http/errors';
import { buildReport } from './build-report';
import { collectReportData } from './collect-report-data';
import { REPORT_FORMATS } from './contract';
import { quarterRange } from '../../shared/periods';
import { findOrganizationByAcronym } from '../accounts';
import { renderReport } from './render';
import { letterheadLogo } from '../platform/documents/letterhead-settings';
import { approvedOrDraftInputs } from './repository';

const OptionsSchema = z.object({
  org: z.string().trim().min(1),
  body: z.string().trim().min(1),
  year: z.coerce
    .number({ error: 'Año inválido' })
    .int('Año inválido')
    .min(1990, 'Año inválido')
    .max(2100, 'Año inválido'),
  quarter: z.coerce
    .number({ error: 'Trimestre inválido' })
    .int('Trimestre inválido')
    .min(1, 'El trimestre va de 1 a 4')
    .max(4, 'El trimestre va de 1 a 4'),
  format: z.enum(REPORT_FORMATS, { error: 'Formato inválido: use docx, pdf, html o md' }),
  out: z.string().min(1),
});

/**
 * `vincula report quarterly`: the report of a body for a quarter, written to a file. An approved
 * report is rendered from its frozen document; otherwise it is generated from the records (with
 * the narrative edits of its draft, if there is one).
 */
export async function quarterlyReportCommand(db: Db, raw: Record<string, string>): Promise<string> {
  const parsed = OptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error.issues);
    throw invalid(fields, fields.map((f) => `--${f.path}: ${f.message}`).join('; '));
  }
  const o = parsed.data;
  const org = await findOrganizationByAcronym(db, o.org);
  if (!org) throw new AppError('NOT_FOUND', 404, [], `No existe la organización ${o.org}.`);
  const body = await findBodyByAcronym(db, org.id, o.body);
  if (!body) throw new AppError('NOT_FOUND', 404, [], `No existe el órgano colegiado ${o.body} en ${o.org}.`);
  const { from, to } = quarterRange(o.year, o.quarter);
  const saved = await approvedOrDraftInputs(db, org.id, body.id, from, to);
  const doc =
    saved?.frozen ??
    buildReport(
      await collectReportData(db, {
        orgId: org.id,
        bodyId: body.id,
        from,
        to,
        pendingItems: saved?.pendingItems,
      }),
      { narrative: saved?.narrative, layout: saved?.presentation },
    );
  const logo = await letterheadLogo(db, doc.letterhead?.logo ?? null);
  fs.writeFileSync(o.out, await renderReport(doc, o.format, logo));
  return `Informe escrito en ${o.out} (${o.format}${saved?.frozen ? ', versión aprobada' : ''}).`;
}
