import { defineEndpoint } from '../../shared/endpoint';
import { RecordPeriodsSchema } from './contract';

// The reports module's endpoints declared as data (ADR 0022): routes.ts registers them, the web app
// calls them. The older routes of routes.ts move here as they are touched.
const tags = ['Informes'];

export const listRecordPeriods = defineEndpoint({
  method: 'GET',
  path: '/api/periods',
  operationId: 'listRecordPeriods',
  tags,
  summary: 'Trimestres con registros de la organización y el que las páginas abren de inicio',
  response: RecordPeriodsSchema,
});
