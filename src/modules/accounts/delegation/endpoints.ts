import { defineEndpoint } from '../../../shared/endpoint';
import {
  DelegationInputSchema,
  DelegationListQuerySchema,
  DelegationPageSchema,
  DelegationParamsSchema,
  DelegationSchema,
} from '../delegation-contract';

// Delegations' endpoints (ADR 0022, ADR 0035): only the administration page loads them.
const delegations = ['Suplencias'];
export const listDelegations = defineEndpoint({
  method: 'GET',
  path: '/api/delegations',
  operationId: 'listDelegations',
  tags: delegations,
  summary: 'Suplencias (encargos de despacho) de la organización: vigentes y por venir, o todas',
  query: DelegationListQuerySchema,
  response: DelegationPageSchema,
});
export const createDelegation = defineEndpoint({
  method: 'POST',
  path: '/api/delegations',
  operationId: 'createDelegation',
  tags: delegations,
  summary: 'Registrar que una persona suple a otra durante un periodo',
  body: DelegationInputSchema,
  status: 201,
  response: DelegationSchema,
});
export const endDelegation = defineEndpoint({
  method: 'POST',
  path: '/api/delegations/:id/end',
  operationId: 'endDelegation',
  tags: delegations,
  summary: 'Terminar una suplencia antes de su último día (o cancelar una por venir)',
  params: DelegationParamsSchema,
  response: DelegationSchema,
});
