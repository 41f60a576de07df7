import { z } from 'zod';
import { auditActor, authorize } from '../accounts';
import { notFound } from '../platform/errors';
import { responses, type ModuleRoutes } from '../platform/http/types';
import {
  AreaDetailSchema,
  AreaInputSchema,
  AreaListQuerySchema,
  AreaPageSchema,
  AreaPatchSchema,
  AreaSchema,
  IdParamsSchema,
  InstitutionInputSchema,
  InstitutionListQuerySchema,
  InstitutionPageSchema,
  InstitutionPatchSchema,
  InstitutionSchema,
  PersonDetailSchema,
  PersonInputSchema,
  PersonListQuerySchema,
  PersonPageSchema,
  PersonPatchSchema,
  PersonSchema,
  PositionInputSchema,
  PositionParamsSchema,
  PositionSchema,
} from './contract';
import { createArea } from './create-area';
import { deleteDirectoryRecord } from './delete-directory-record';
import { createInstitution } from './create-institution';
import { createPerson } from './create-person';
import * as repo from './repository';
import { addPosition, removePosition, updatePosition } from './save-position';
import { updateArea } from './update-area';
import { updateInstitution } from './update-institution';
import { updatePerson } from './update-person';

const tags = ['Directorio'];

export const directoryRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const writer = async (req: Parameters<typeof authorize>[1]) =>
    auditActor(await authorize(ctx, req, 'directory.write'));

  // ---- institutions
  api.get(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'Buscar instituciones',
        querystring: InstitutionListQuerySchema,
        response: responses({ 200: InstitutionPageSchema }),
      },
    },
    async (req) =>
      repo.listInstitutions(db, (await authorize(ctx, req, 'directory.read')).organizationId, req.query),
  );
  api.get(
    '/api/institutions/:id',
    {
      schema: {
        tags,
        summary: 'Una institución',
        params: IdParamsSchema,
        response: responses({ 200: InstitutionSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'directory.read');
      const found = await repo.findInstitution(db, actor.organizationId, req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
  api.post(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'Registrar una institución',
        body: InstitutionInputSchema,
        response: responses({ 201: InstitutionSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createInstitution(db, await writer(req), req.body)),
  );
  api.patch(
    '/api/institutions/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una institución',
        params: IdParamsSchema,
        body: InstitutionPatchSchema,
        response: responses({ 200: InstitutionSchema }),
      },
    },
    async (req) => updateInstitution(db, await writer(req), req.params.id, req.body),
  );

  // ---- areas
  api.get(
    '/api/areas',
    {
      schema: {
        tags,
        summary: 'Áreas de la organización',
        querystring: AreaListQuerySchema,
        response: responses({ 200: AreaPageSchema }),
      },
    },
    async (req) =>
      repo.listAreas(db, (await authorize(ctx, req, 'directory.read')).organizationId, req.query),
  );
  api.get(
    '/api/areas/:id',
    {
      schema: {
        tags,
        summary: 'Un área y sus titulares en el tiempo',
        params: IdParamsSchema,
        response: responses({ 200: AreaDetailSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'directory.read');
      const found = await repo.findArea(db, actor.organizationId, req.params.id);
      if (!found) throw notFound();
      return { ...found, heads: await repo.areaHeads(db, actor.organizationId, found.id) };
    },
  );
  api.post(
    '/api/areas',
    {
      schema: {
        tags,
        summary: 'Registrar un área',
        body: AreaInputSchema,
        response: responses({ 201: AreaSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createArea(db, await writer(req), req.body)),
  );
  api.patch(
    '/api/areas/:id',
    {
      schema: {
        tags,
        summary: 'Modificar un área',
        params: IdParamsSchema,
        body: AreaPatchSchema,
        response: responses({ 200: AreaSchema }),
      },
    },
    async (req) => updateArea(db, await writer(req), req.params.id, req.body),
  );

  // ---- people and positions
  api.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Buscar personas',
        querystring: PersonListQuerySchema,
        response: responses({ 200: PersonPageSchema }),
      },
    },
    async (req) =>
      repo.listPeople(db, (await authorize(ctx, req, 'directory.read')).organizationId, req.query),
  );
  api.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Una persona y sus cargos en el tiempo',
        params: IdParamsSchema,
        response: responses({ 200: PersonDetailSchema }),
      },
    },
    async (req) => {
      const actor = await authorize(ctx, req, 'directory.read');
      const found = await repo.findPerson(db, actor.organizationId, req.params.id);
      if (!found) throw notFound();
      return { ...found, positions: await repo.positionsOf(db, actor.organizationId, [found.id]) };
    },
  );
  api.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Registrar una persona',
        body: PersonInputSchema,
        response: responses({ 201: PersonSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createPerson(db, await writer(req), req.body)),
  );
  api.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una persona',
        params: IdParamsSchema,
        body: PersonPatchSchema,
        response: responses({ 200: PersonSchema }),
      },
    },
    async (req) => updatePerson(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/people/:id/positions',
    {
      schema: {
        tags,
        summary: 'Registrar un cargo de la persona',
        params: IdParamsSchema,
        body: PositionInputSchema,
        response: responses({ 201: PositionSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPosition(db, await writer(req), req.params.id, req.body)),
  );
  api.put(
    '/api/people/:id/positions/:positionId',
    {
      schema: {
        tags,
        summary: 'Modificar un cargo',
        params: PositionParamsSchema,
        body: PositionInputSchema,
        response: responses({ 200: PositionSchema }),
      },
    },
    async (req) => updatePosition(db, await writer(req), req.params.id, req.params.positionId, req.body),
  );
  api.delete(
    '/api/people/:id/positions/:positionId',
    {
      schema: {
        tags,
        summary: 'Eliminar un cargo registrado por error',
        params: PositionParamsSchema,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      await removePosition(db, await writer(req), req.params.id, req.params.positionId);
      return reply.status(204).send(null);
    },
  );
  // ---- deletion of records registered by mistake
  for (const [path, entity, summary] of [
    ['institutions', 'institution', 'Eliminar una institución sin registros relacionados'],
    ['areas', 'area', 'Eliminar un área sin registros relacionados'],
    ['people', 'person', 'Eliminar una persona sin registros relacionados'],
  ] as const) {
    api.delete(
      `/api/${path}/:id`,
      { schema: { tags, summary, params: IdParamsSchema, response: responses({ 204: z.null() }) } },
      async (req, reply) => {
        await deleteDirectoryRecord(db, await writer(req), entity, req.params.id);
        return reply.status(204).send(null);
      },
    );
  }
};
