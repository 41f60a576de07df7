import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import { UserParamsSchema, UserSchema } from './contract';
import {
  PasswordConfirmationSchema,
  RecoveryCodesSchema,
  TwoFactorCodeInputSchema,
  TwoFactorEnrolmentSchema,
  TwoFactorPolicyInputSchema,
  TwoFactorPolicySchema,
} from './two-factor-contract';

// Two-factor authentication's endpoints (ADR 0028): two-factor-routes.ts registers them.
const session = ['Sesión'];
const users = ['Usuarios'];

export const verifySignInCode = defineEndpoint({
  method: 'POST',
  path: '/api/session/two-factor',
  operationId: 'verifySignInCode',
  tags: session,
  summary:
    'Completar el inicio de sesión con el código de la aplicación de autenticación o un código de recuperación',
  public: true,
  body: TwoFactorCodeInputSchema,
  status: 204,
  response: z.null(),
  errors: [410, 429],
});
export const startTwoFactorEnrolment = defineEndpoint({
  method: 'POST',
  path: '/api/me/two-factor',
  operationId: 'startTwoFactorEnrolment',
  tags: session,
  summary: 'Iniciar la activación de la verificación en dos pasos (clave para la aplicación)',
  body: PasswordConfirmationSchema,
  response: TwoFactorEnrolmentSchema,
});
export const confirmTwoFactorEnrolment = defineEndpoint({
  method: 'POST',
  path: '/api/me/two-factor/confirmation',
  operationId: 'confirmTwoFactorEnrolment',
  tags: session,
  summary: 'Confirmar la activación con un primer código; devuelve los códigos de recuperación una sola vez',
  body: TwoFactorCodeInputSchema,
  response: RecoveryCodesSchema,
});
export const disableTwoFactor = defineEndpoint({
  method: 'POST',
  path: '/api/me/two-factor/deactivation',
  operationId: 'disableTwoFactor',
  tags: session,
  summary: 'Desactivar la verificación en dos pasos propia (si el rol no la exige)',
  body: PasswordConfirmationSchema,
  status: 204,
  response: z.null(),
});
export const getTwoFactorPolicy = defineEndpoint({
  method: 'GET',
  path: '/api/two-factor-policy',
  operationId: 'getTwoFactorPolicy',
  tags: users,
  summary: 'Roles que deben usar verificación en dos pasos',
  response: TwoFactorPolicySchema,
});
export const setTwoFactorPolicy = defineEndpoint({
  method: 'PUT',
  path: '/api/two-factor-policy',
  operationId: 'setTwoFactorPolicy',
  tags: users,
  summary: 'Elegir los roles que deben usar verificación en dos pasos',
  body: TwoFactorPolicyInputSchema,
  response: TwoFactorPolicySchema,
});
export const resetUserTwoFactor = defineEndpoint({
  method: 'DELETE',
  path: '/api/users/:id/two-factor',
  operationId: 'resetUserTwoFactor',
  tags: users,
  summary: 'Restablecer la verificación en dos pasos de un usuario (perdió su teléfono)',
  params: UserParamsSchema,
  response: UserSchema,
});

/** What a person who must enrol may still call before enrolling (session-gate.ts). */
export const OPEN_BEFORE_ENROLMENT = [startTwoFactorEnrolment, confirmTwoFactorEnrolment];
