import type { FastifyRequest } from 'fastify';
import { auditActor, authorize } from '../../accounts';
import { readUpload, sendDownload } from '../../platform/http/files';
import { route } from '../../platform/http/route';
import type { ModuleRoutes } from '../../platform/http/types';
import { parseSpreadsheet } from '../../platform/spreadsheets/parse-spreadsheet';
import * as endpoints from '../endpoints';
import { exportDirectory } from './export-directory';
import { importAreas } from './import-areas';
import { importInstitutions } from './import-institutions';
import { importPeople } from './import-people';

export const importExportRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const exporter = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'directory.export'));
  const writer = async (req: FastifyRequest) => auditActor(await authorize(ctx, req, 'directory.write'));

  // ---- exports
  route(api, endpoints.exportInstitutions, async (req, reply) => {
    const { format, ...filters } = req.query;
    return sendDownload(
      reply,
      await exportDirectory(db, await exporter(req), { entity: 'institution', filters }, format),
    );
  });
  route(api, endpoints.exportAreas, async (req, reply) => {
    const { format, ...filters } = req.query;
    return sendDownload(
      reply,
      await exportDirectory(db, await exporter(req), { entity: 'area', filters }, format),
    );
  });
  route(api, endpoints.exportPeople, async (req, reply) => {
    const { format, ...filters } = req.query;
    return sendDownload(
      reply,
      await exportDirectory(db, await exporter(req), { entity: 'person', filters }, format),
    );
  });

  // ---- imports
  for (const [endpoint, run] of [
    [endpoints.importInstitutions, importInstitutions],
    [endpoints.importAreas, importAreas],
    [endpoints.importPeople, importPeople],
  ] as const) {
    route(api, endpoint, async (req) => {
      const actor = await writer(req);
      const { data, filename } = await readUpload(req, {
        what: 'el archivo CSV o XLSX',
        missingCode: 'IMPORT_UNREADABLE',
      });
      const sheet = await parseSpreadsheet(data, filename);
      return run(db, actor, sheet, req.query.skipInvalid);
    });
  }
};
