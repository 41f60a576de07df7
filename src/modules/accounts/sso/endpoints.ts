import { z } from 'zod';
import { defineEndpoint } from '../../../shared/endpoint';
import { SignInOptionsQuerySchema, SignInOptionsSchema, SsoProviderParamsSchema } from '../sso-contract';

// Single sign-on's endpoints (ADR 0034) that the sign-in page loads: the options and the start, a
// navigation (redirect) whose path its buttons link to. The rest are in sso-policy/endpoints.ts.
const session = ['Sesión'];
export const getSignInOptions = defineEndpoint({
  method: 'GET',
  path: '/api/sign-in-options',
  operationId: 'getSignInOptions',
  tags: session,
  summary: 'Proveedores de cuenta institucional con que se puede entrar (un botón por proveedor)',
  public: true,
  query: SignInOptionsQuerySchema,
  response: SignInOptionsSchema,
});
export const startSsoSignIn = defineEndpoint({
  method: 'GET',
  path: '/api/sso/:provider',
  operationId: 'startSsoSignIn',
  tags: session,
  summary:
    'Entrar con la cuenta institucional: redirige (302) al proveedor con state, nonce y PKCE; un error vuelve a la página de inicio de sesión',
  public: true,
  params: SsoProviderParamsSchema,
  response: z.null(),
  errors: [503],
});
