import { z } from 'zod';
import { defineEndpoint } from '../../../shared/endpoint';
import { LetterheadInputSchema, LetterheadSchema } from '../letterhead-contract';

// The letterhead's endpoints (ADR 0022), apart from accounts/endpoints.ts: only the letterhead
// page loads them, not every signed-in page (the home page's size budget).
const letterhead = ['Membrete'];
export const getLetterhead = defineEndpoint({
  method: 'GET',
  path: '/api/letterhead',
  operationId: 'getLetterhead',
  tags: letterhead,
  summary: 'Membrete de la organización (logotipo, encabezado, pie) y fundamento legal del informe',
  response: LetterheadSchema,
});
export const updateLetterhead = defineEndpoint({
  method: 'PUT',
  path: '/api/letterhead',
  operationId: 'updateLetterhead',
  tags: letterhead,
  summary: 'Guardar las líneas del membrete y el fundamento legal del informe',
  body: LetterheadInputSchema,
  response: LetterheadSchema,
});
export const setLetterheadLogo = defineEndpoint({
  method: 'PUT',
  path: '/api/letterhead/logo',
  operationId: 'setLetterheadLogo',
  tags: letterhead,
  summary: 'Subir el logotipo del membrete (PNG o JPEG, hasta 1 MB)',
  description: 'Archivo en el campo multipart "file".',
  consumes: ['multipart/form-data'],
  response: LetterheadSchema,
  errors: [413, 415],
});
export const removeLetterheadLogo = defineEndpoint({
  method: 'DELETE',
  path: '/api/letterhead/logo',
  operationId: 'removeLetterheadLogo',
  tags: letterhead,
  summary: 'Quitar el logotipo del membrete',
  response: LetterheadSchema,
});
export const downloadLetterheadLogo = defineEndpoint({
  method: 'GET',
  path: '/api/letterhead/logo',
  operationId: 'downloadLetterheadLogo',
  tags: letterhead,
  summary: 'El logotipo del membrete',
  response: z.string().describe('La imagen'),
  produces: ['image/png', 'image/jpeg'],
});
