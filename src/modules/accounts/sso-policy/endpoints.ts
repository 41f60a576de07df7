import { z } from 'zod';
import { defineEndpoint } from '../../../shared/endpoint';
import {
  SsoCallbackQuerySchema,
  SsoPolicyInputSchema,
  SsoPolicySchema,
  SsoProviderParamsSchema,
} from '../sso-contract';

// Single sign-on's endpoints (ADR 0034) the sign-in page does not load: the provider's way back (a
// navigation) and the organization's policy (the users page).
const session = ['Sesión'];
export const finishSsoSignIn = defineEndpoint({
  method: 'GET',
  path: '/api/auth/callback/:provider',
  operationId: 'finishSsoSignIn',
  tags: session,
  summary:
    'Regreso del proveedor: comprueba state, nonce, emisor y el token de identidad, y abre la sesión de la cuenta de Vincula con ese correo verificado (302)',
  public: true,
  params: SsoProviderParamsSchema,
  query: SsoCallbackQuerySchema,
  response: z.null(),
});
const users = ['Usuarios'];
export const getSsoPolicy = defineEndpoint({
  method: 'GET',
  path: '/api/sso-policy',
  operationId: 'getSsoPolicy',
  tags: users,
  summary: 'Si la organización exige entrar con la cuenta institucional, y sus proveedores',
  response: SsoPolicySchema,
});
export const setSsoPolicy = defineEndpoint({
  method: 'PUT',
  path: '/api/sso-policy',
  operationId: 'setSsoPolicy',
  tags: users,
  summary: 'Exigir (o no) la entrada con la cuenta institucional: las contraseñas dejan de abrir sesión',
  body: SsoPolicyInputSchema,
  response: SsoPolicySchema,
});
