import { defineEndpoint } from '../../shared/endpoint';
import { AuditFacetsSchema, AuditListQuerySchema, AuditPageSchema } from './contract';

// The audit trail's endpoints (ADR 0022): routes.ts registers them, ui/api.ts calls them.
const tags = ['Bitácora'];

export const listAuditEntries = defineEndpoint({
  method: 'GET',
  path: '/api/audit',
  operationId: 'listAuditEntries',
  tags,
  summary: 'Bitácora de cambios de la organización',
  query: AuditListQuerySchema,
  response: AuditPageSchema,
});
export const getAuditFacets = defineEndpoint({
  method: 'GET',
  path: '/api/audit/facets',
  operationId: 'getAuditFacets',
  tags,
  summary: 'Acciones y tipos de registro presentes en la bitácora, para filtrar',
  response: AuditFacetsSchema,
});
