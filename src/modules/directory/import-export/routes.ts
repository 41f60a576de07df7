import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditActor, authorize } from '../../accounts';
import { readUpload, sendDownload } from '../../platform/http/files';
import { responses, type ModuleRoutes } from '../../platform/http/types';
import { ApiErrorSchema } from '../../../shared/errors';
import {
  AreaListQuerySchema,
  ExportFormatSchema,
  ImportQuerySchema,
  ImportReportSchema,
  InstitutionListQuerySchema,
  PersonListQuerySchema,
} from '../contract';
import { exportDirectory } from './export-directory';
import { importAreas } from './import-areas';
import { importInstitutions } from './import-institutions';
import { importPeople } from './import-people';
import { parseSpreadsheet } from '../../platform/spreadsheets/parse-spreadsheet';

const tags = ['Directorio'];

const exportFields = { format: ExportFormatSchema.default('csv') };
const noPaging = { page: true, pageSize: true } as const;
const InstitutionExportQuerySchema = InstitutionListQuerySchema.omit(noPaging).extend(exportFields);
const AreaExportQuerySchema = AreaListQuerySchema.omit(noPaging).extend(exportFields);
const PersonExportQuerySchema = PersonListQuerySchema.omit(noPaging).extend(exportFields);

const fileResponse = z.string().describe('El archivo: CSV (UTF-8 con BOM) o XLSX');
const importResponses = {
  ...responses({ 200: ImportReportSchema }),
  413: ApiErrorSchema,
  415: ApiErrorSchema,
};

export const importExportRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const exporter = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'directory.export'));
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'directory.write'));

  // ---- exports
  api.get(
    '/api/institutions/export',
    {
      schema: {
        tags,
        summary: 'Exportar instituciones (CSV o XLSX)',
        querystring: InstitutionExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      return sendDownload(
        reply,
        await exportDirectory(db, await exporter(req), { entity: 'institution', filters }, format),
      );
    },
  );
  api.get(
    '/api/areas/export',
    {
      schema: {
        tags,
        summary: 'Exportar áreas (CSV o XLSX)',
        querystring: AreaExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      return sendDownload(
        reply,
        await exportDirectory(db, await exporter(req), { entity: 'area', filters }, format),
      );
    },
  );
  api.get(
    '/api/people/export',
    {
      schema: {
        tags,
        summary: 'Exportar personas (CSV o XLSX)',
        querystring: PersonExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      return sendDownload(
        reply,
        await exportDirectory(db, await exporter(req), { entity: 'person', filters }, format),
      );
    },
  );

  // ---- imports
  const importers = {
    institutions: { run: importInstitutions, summary: 'Importar instituciones desde CSV o XLSX' },
    areas: { run: importAreas, summary: 'Importar áreas desde CSV o XLSX' },
    people: { run: importPeople, summary: 'Importar personas desde CSV o XLSX' },
  };
  for (const [path, { run, summary }] of Object.entries(importers)) {
    api.post(
      `/api/${path}/import`,
      {
        schema: {
          tags,
          summary,
          description:
            'Archivo en el campo multipart "file". Con skipInvalid=false (predeterminado) una fila con ' +
            'errores detiene todo (400 IMPORT_INVALID, nada se guarda); con true se importan las filas ' +
            'válidas y se informan las demás.',
          consumes: ['multipart/form-data'],
          querystring: ImportQuerySchema,
          response: importResponses,
        },
      },
      async (req) => {
        const actor = await writer(req);
        const { data, filename } = await readUpload(req, {
          what: 'el archivo CSV o XLSX',
          missingCode: 'IMPORT_UNREADABLE',
        });
        const sheet = await parseSpreadsheet(data, filename);
        return run(db, actor, sheet, req.query.skipInvalid);
      },
    );
  }
};
