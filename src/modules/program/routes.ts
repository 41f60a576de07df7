import { z } from 'zod';
import { ApiErrorSchema } from '../../shared/errors';
import { auditActor, authorize } from '../accounts';
import { readFile } from '../platform/files/store-file';
import { notFound } from '../platform/errors';
import { readUpload, sendDownload, sendUploadedFile } from '../platform/http/files';
import { responses, type ModuleRoutes } from '../platform/http/types';
import { attachActivityFile } from './attach-activity-file';
import {
  ActivityExportQuerySchema,
  ActivityInputSchema,
  ActivityKindInputSchema,
  ActivityKindSchema,
  ActivityListQuerySchema,
  ActivityPageSchema,
  ActivitySchema,
  FileParamsSchema,
  IdParamsSchema,
  IssueInputSchema,
  IssuePatchSchema,
  IssueSchema,
  LineInputSchema,
  LinePatchSchema,
  ObjectiveInputSchema,
  ObjectivePatchSchema,
  PeriodQuerySchema,
  PlanReviewInputSchema,
  PlanReviewQuerySchema,
  PlanReviewSchema,
  ProgramInputSchema,
  ProgramListSchema,
  ProgramPatchSchema,
  ProgramTreeSchema,
  ReasonInputSchema,
  ReasonSchema,
  SeriesInputSchema,
  SeriesQuerySchema,
  SeriesSchema,
  TargetInputSchema,
  TargetSchema,
  UnexplainedObjectiveSchema,
} from './contract';
import { createActivityKind } from './create-activity-kind';
import { exportActivities } from './export-activities';
import { listSeries, loadSeries } from './list-series';
import { loadProgramTree, objectivesWithoutActivityOrReason } from './program-tree';
import { recordPlanReview } from './record-plan-review';
import { addIssue, attachIssueFile, deleteIssue, removeIssueFile, updateIssue } from './record-issue';
import { recordSources } from './record-sources';
import { removeActivityFile } from './remove-activity-file';
import * as repo from './repository';
import { removeLine, removeObjective } from './remove-structure';
import { createActivity, deleteActivity, updateActivity } from './save-activity';
import { addLine, addObjective, updateLine, updateObjective } from './save-line';
import { createProgram, updateProgram } from './save-program';
import { stateReason, withdrawReason } from './save-reason';
import { createSeries, updateSeries } from './save-series';
import { addTarget, removeTarget, updateTarget } from './save-target';
import type { Db } from '../platform/db/client';

const tags = ['Programa de trabajo'];
const fileResponse = z.string().describe('El archivo');
const uploadResponses = <T extends z.ZodType>(ok: T) => ({
  ...responses({ 201: ok }),
  413: ApiErrorSchema,
  415: ApiErrorSchema,
});
const RecordSourceListSchema = z.array(z.object({ code: z.string(), label: z.string() }));

export const programRoutes: ModuleRoutes = (api, ctx) => {
  const { db } = ctx.database;
  const reader = async (req: Parameters<typeof authorize>[1]) =>
    (await authorize(ctx, req, 'program.read')).organizationId;
  const writer = async (req: Parameters<typeof authorize>[1]) =>
    auditActor(await authorize(ctx, req, 'program.write'));
  const tree = async (database: Db, orgId: string, programId: string) => {
    const found = await loadProgramTree(database, orgId, programId);
    if (!found) throw notFound();
    return found;
  };

  // ---- programs and their structure
  api.get(
    '/api/program/programs',
    { schema: { tags, summary: 'Programas de trabajo', response: responses({ 200: ProgramListSchema }) } },
    async (req) => repo.listPrograms(db, await reader(req)),
  );
  api.post(
    '/api/program/programs',
    {
      schema: {
        tags,
        summary: 'Registrar el programa de trabajo de un año',
        body: ProgramInputSchema,
        response: responses({ 201: ProgramTreeSchema }),
      },
    },
    async (req, reply) => {
      const actor = await writer(req);
      const created = await createProgram(db, actor, req.body);
      return reply.status(201).send(await tree(db, actor.organizationId, created.id));
    },
  );
  api.get(
    '/api/program/programs/:id',
    {
      schema: {
        tags,
        summary: 'Un programa con sus líneas, objetivos y metas (con avance)',
        params: IdParamsSchema,
        response: responses({ 200: ProgramTreeSchema }),
      },
    },
    async (req) => tree(db, await reader(req), req.params.id),
  );
  api.patch(
    '/api/program/programs/:id',
    {
      schema: {
        tags,
        summary: 'Modificar un programa',
        params: IdParamsSchema,
        body: ProgramPatchSchema,
        response: responses({ 200: ProgramTreeSchema }),
      },
    },
    async (req) => {
      const actor = await writer(req);
      await updateProgram(db, actor, req.params.id, req.body);
      return tree(db, actor.organizationId, req.params.id);
    },
  );
  api.post(
    '/api/program/programs/:id/lines',
    {
      schema: {
        tags,
        summary: 'Agregar una línea al programa',
        params: IdParamsSchema,
        body: LineInputSchema,
        response: responses({ 201: ProgramTreeSchema }),
      },
    },
    async (req, reply) => {
      const actor = await writer(req);
      await addLine(db, actor, req.params.id, req.body);
      return reply.status(201).send(await tree(db, actor.organizationId, req.params.id));
    },
  );
  api.patch(
    '/api/program/lines/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una línea',
        params: IdParamsSchema,
        body: LinePatchSchema,
        response: responses({ 200: ProgramTreeSchema }),
      },
    },
    async (req) => {
      const actor = await writer(req);
      const line = await updateLine(db, actor, req.params.id, req.body);
      return tree(db, actor.organizationId, line.programId);
    },
  );
  api.delete(
    '/api/program/lines/:id',
    {
      schema: {
        tags,
        summary: 'Eliminar una línea sin registros',
        description:
          '409 CONFLICT, nombrando lo que la usa, si tiene objetivos, actividades, metas, motivos, revisiones o series. ' +
          'Las demás líneas conservan su número.',
        params: IdParamsSchema,
        response: responses({ 200: ProgramTreeSchema }),
      },
    },
    async (req) => {
      const actor = await writer(req);
      return tree(db, actor.organizationId, await removeLine(db, actor, req.params.id));
    },
  );
  api.post(
    '/api/program/lines/:id/objectives',
    {
      schema: {
        tags,
        summary: 'Agregar un objetivo a una línea',
        params: IdParamsSchema,
        body: ObjectiveInputSchema,
        response: responses({ 201: ProgramTreeSchema }),
      },
    },
    async (req, reply) => {
      const actor = await writer(req);
      await addObjective(db, actor, req.params.id, req.body);
      const line = (await repo.findLine(db, actor.organizationId, req.params.id))!;
      return reply.status(201).send(await tree(db, actor.organizationId, line.programId));
    },
  );
  api.patch(
    '/api/program/objectives/:id',
    {
      schema: {
        tags,
        summary: 'Modificar un objetivo',
        params: IdParamsSchema,
        body: ObjectivePatchSchema,
        response: responses({ 200: ProgramTreeSchema }),
      },
    },
    async (req) => {
      const actor = await writer(req);
      const objective = await updateObjective(db, actor, req.params.id, req.body);
      const line = (await repo.findLine(db, actor.organizationId, objective.lineId))!;
      return tree(db, actor.organizationId, line.programId);
    },
  );
  api.delete(
    '/api/program/objectives/:id',
    {
      schema: {
        tags,
        summary: 'Eliminar un objetivo sin registros',
        description:
          '409 CONFLICT, nombrando lo que lo usa, si tiene actividades, metas, motivos, revisiones, series o campañas. ' +
          'Los demás objetivos conservan su letra.',
        params: IdParamsSchema,
        response: responses({ 200: ProgramTreeSchema }),
      },
    },
    async (req) => {
      const actor = await writer(req);
      return tree(db, actor.organizationId, await removeObjective(db, actor, req.params.id));
    },
  );
  api.get(
    '/api/program/record-sources',
    {
      schema: {
        tags,
        summary: 'Fuentes de registros de otros módulos que cuentan como actividad',
        response: responses({ 200: RecordSourceListSchema }),
      },
    },
    async (req) => {
      await reader(req);
      return recordSources();
    },
  );

  // ---- targets
  api.post(
    '/api/program/targets',
    {
      schema: {
        tags,
        summary: 'Agregar una meta',
        body: TargetInputSchema,
        response: responses({ 201: TargetSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await addTarget(db, await writer(req), req.body)),
  );
  api.put(
    '/api/program/targets/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una meta',
        params: IdParamsSchema,
        body: TargetInputSchema,
        response: responses({ 200: TargetSchema }),
      },
    },
    async (req) => updateTarget(db, await writer(req), req.params.id, req.body),
  );
  api.delete(
    '/api/program/targets/:id',
    {
      schema: {
        tags,
        summary: 'Eliminar una meta',
        params: IdParamsSchema,
        response: responses({ 204: z.null().describe('Eliminada') }),
      },
    },
    async (req, reply) => {
      await removeTarget(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- reasons for no activity
  api.get(
    '/api/program/reasons',
    {
      schema: {
        tags,
        summary: 'Motivos declarados de objetivos sin actividad en un periodo',
        querystring: PeriodQuerySchema,
        response: responses({ 200: z.array(ReasonSchema) }),
      },
    },
    async (req) => repo.listReasons(db, await reader(req), req.query.from, req.query.to),
  );
  api.put(
    '/api/program/reasons',
    {
      schema: {
        tags,
        summary: 'Declarar el motivo de un objetivo sin actividad en un periodo',
        body: ReasonInputSchema,
        response: responses({ 200: ReasonSchema }),
      },
    },
    async (req) => stateReason(db, await writer(req), req.body),
  );
  api.delete(
    '/api/program/reasons/:id',
    {
      schema: {
        tags,
        summary: 'Retirar un motivo',
        params: IdParamsSchema,
        response: responses({ 204: z.null().describe('Retirado') }),
      },
    },
    async (req, reply) => {
      await withdrawReason(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/api/program/unexplained',
    {
      schema: {
        tags,
        summary: 'Objetivos sin actividad y sin motivo declarado en un periodo',
        querystring: PeriodQuerySchema,
        response: responses({ 200: z.array(UnexplainedObjectiveSchema) }),
      },
    },
    async (req) => objectivesWithoutActivityOrReason(db, await reader(req), req.query),
  );

  // ---- activity kinds
  api.get(
    '/api/program/activity-kinds',
    {
      schema: {
        tags,
        summary: 'Tipos de actividad',
        response: responses({ 200: z.array(ActivityKindSchema) }),
      },
    },
    async (req) => repo.listActivityKinds(db, await reader(req)),
  );
  api.post(
    '/api/program/activity-kinds',
    {
      schema: {
        tags,
        summary: 'Agregar un tipo de actividad (administración)',
        body: ActivityKindInputSchema,
        response: responses({ 201: ActivityKindSchema }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createActivityKind(db, auditActor(await authorize(ctx, req, 'program.admin')), req.body)),
  );

  // ---- activities
  api.get(
    '/api/program/activities',
    {
      schema: {
        tags,
        summary: 'Actividades (por línea, objetivo, tipo y periodo)',
        querystring: ActivityListQuerySchema,
        response: responses({ 200: ActivityPageSchema }),
      },
    },
    async (req) => repo.listActivities(db, await reader(req), req.query),
  );
  api.get(
    '/api/program/activities/export',
    {
      schema: {
        tags,
        summary: 'Exportar actividades (CSV o XLSX)',
        querystring: ActivityExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const actor = await authorize(ctx, req, 'program.export');
      const { format, ...filters } = req.query;
      return sendDownload(reply, await exportActivities(db, auditActor(actor), filters, format));
    },
  );
  api.get(
    '/api/program/activities/:id',
    {
      schema: {
        tags,
        summary: 'Una actividad',
        params: IdParamsSchema,
        response: responses({ 200: ActivitySchema }),
      },
    },
    async (req) => {
      const found = await repo.findActivity(db, await reader(req), req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );
  api.post(
    '/api/program/activities',
    {
      schema: {
        tags,
        summary: 'Registrar una actividad',
        body: ActivityInputSchema,
        response: responses({ 201: ActivitySchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createActivity(db, await writer(req), req.body)),
  );
  api.put(
    '/api/program/activities/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una actividad',
        params: IdParamsSchema,
        body: ActivityInputSchema,
        response: responses({ 200: ActivitySchema }),
      },
    },
    async (req) => updateActivity(db, await writer(req), req.params.id, req.body),
  );
  api.delete(
    '/api/program/activities/:id',
    {
      schema: {
        tags,
        summary: 'Eliminar una actividad',
        params: IdParamsSchema,
        response: responses({ 204: z.null().describe('Eliminada') }),
      },
    },
    async (req, reply) => {
      await deleteActivity(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/api/program/activities/:id/files',
    {
      schema: {
        tags,
        summary: 'Adjuntar una evidencia a una actividad',
        description: 'Archivo en el campo multipart "file".',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: uploadResponses(ActivitySchema),
      },
    },
    async (req, reply) => {
      const actor = await writer(req);
      const upload = await readUpload(req, { what: 'la evidencia' });
      return reply.status(201).send(await attachActivityFile(db, actor, req.params.id, upload));
    },
  );
  api.get(
    '/api/program/activities/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Descargar una evidencia',
        params: FileParamsSchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const orgId = await reader(req);
      const file = await repo.findActivityFile(db, orgId, req.params.id, req.params.fileId);
      const stored = file && (await readFile(db, file.sha256));
      if (!file || !stored) throw notFound();
      return sendUploadedFile(reply, { body: stored.content, filename: file.filename });
    },
  );

  api.delete(
    '/api/program/activities/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Quitar una evidencia de una actividad',
        params: FileParamsSchema,
        response: responses({ 200: ActivitySchema }),
      },
    },
    async (req) => removeActivityFile(db, await writer(req), req.params.id, req.params.fileId),
  );

  // ---- plan reviews (SSPELO)
  api.get(
    '/api/program/plan-reviews',
    {
      schema: {
        tags,
        summary: 'Revisiones del plan integral del INE (SSPELO)',
        querystring: PlanReviewQuerySchema,
        response: responses({ 200: z.array(PlanReviewSchema) }),
      },
    },
    async (req) => repo.listPlanReviews(db, await reader(req), req.query),
  );
  api.post(
    '/api/program/plan-reviews',
    {
      schema: {
        tags,
        summary: 'Registrar una revisión del plan integral',
        body: PlanReviewInputSchema,
        response: responses({ 201: PlanReviewSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await recordPlanReview(db, await writer(req), req.body)),
  );

  // ---- publications
  api.get(
    '/api/program/series',
    {
      schema: {
        tags,
        summary: 'Series de publicaciones con sus números y faltantes del periodo',
        querystring: SeriesQuerySchema,
        response: responses({ 200: z.array(SeriesSchema) }),
      },
    },
    async (req) => listSeries(db, await reader(req), req.query),
  );
  api.post(
    '/api/program/series',
    {
      schema: {
        tags,
        summary: 'Registrar una serie de publicaciones',
        body: SeriesInputSchema,
        response: responses({ 201: SeriesSchema }),
      },
    },
    async (req, reply) => reply.status(201).send(await createSeries(db, await writer(req), req.body)),
  );
  api.get(
    '/api/program/series/:id',
    {
      schema: {
        tags,
        summary: 'Una serie con sus números y faltantes',
        params: IdParamsSchema,
        querystring: SeriesQuerySchema,
        response: responses({ 200: SeriesSchema }),
      },
    },
    async (req) => {
      const found = await loadSeries(db, await reader(req), req.params.id, req.query);
      if (!found) throw notFound();
      return found;
    },
  );
  api.put(
    '/api/program/series/:id',
    {
      schema: {
        tags,
        summary: 'Modificar una serie',
        params: IdParamsSchema,
        body: SeriesInputSchema,
        response: responses({ 200: SeriesSchema }),
      },
    },
    async (req) => updateSeries(db, await writer(req), req.params.id, req.body),
  );
  api.post(
    '/api/program/series/:id/issues',
    {
      schema: {
        tags,
        summary: 'Registrar un número de una serie',
        params: IdParamsSchema,
        body: IssueInputSchema,
        response: responses({ 201: IssueSchema }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addIssue(db, await writer(req), req.params.id, req.body)),
  );
  api.patch(
    '/api/program/issues/:id',
    {
      schema: {
        tags,
        summary: 'Corregir un número: fecha, título, número, distribución o serie',
        params: IdParamsSchema,
        body: IssuePatchSchema,
        response: responses({ 200: IssueSchema }),
      },
    },
    async (req) => updateIssue(db, await writer(req), req.params.id, req.body),
  );
  api.delete(
    '/api/program/issues/:id',
    {
      schema: {
        tags,
        summary: 'Eliminar un número',
        params: IdParamsSchema,
        response: responses({ 204: z.null().describe('Eliminado') }),
      },
    },
    async (req, reply) => {
      await deleteIssue(db, await writer(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.put(
    '/api/program/issues/:id/file',
    {
      schema: {
        tags,
        summary: 'Adjuntar el archivo de un número',
        description: 'Archivo en el campo multipart "file".',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { ...responses({ 200: IssueSchema }), 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (req) => {
      const actor = await writer(req);
      return attachIssueFile(
        db,
        actor,
        req.params.id,
        await readUpload(req, { what: 'el archivo del número' }),
      );
    },
  );
  api.delete(
    '/api/program/issues/:id/file',
    {
      schema: {
        tags,
        summary: 'Quitar el archivo de un número',
        params: IdParamsSchema,
        response: responses({ 200: IssueSchema }),
      },
    },
    async (req) => removeIssueFile(db, await writer(req), req.params.id),
  );
  api.get(
    '/api/program/issues/:id/file',
    {
      schema: {
        tags,
        summary: 'Descargar el archivo de un número',
        params: IdParamsSchema,
        response: responses({ 200: fileResponse }),
      },
    },
    async (req, reply) => {
      const issue = await repo.findIssueRow(db, await reader(req), req.params.id);
      const stored = issue?.fileSha256 ? await readFile(db, issue.fileSha256) : undefined;
      if (!issue || !stored) throw notFound();
      return sendUploadedFile(reply, { body: stored.content, filename: issue.filename ?? 'publicacion' });
    },
  );
};
