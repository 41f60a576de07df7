import { z } from 'zod';
import { defineEndpoint } from '../../shared/endpoint';
import {
  AcceptInvitationInputSchema,
  ChangePasswordInputSchema,
  FirstOperatorInputSchema,
  InvitationInputSchema,
  InvitationSchema,
  InvitationSentSchema,
  OrganizationInputSchema,
  OrganizationListSchema,
  OrganizationParamsSchema,
  OrganizationSchema,
  OrganizationUpdateSchema,
  SetupLinkSchema,
  TokenParamsSchema,
  CreateUserInputSchema,
  EndedSessionsSchema,
  PasswordResetRequestSchema,
  ResetLinkSchema,
  ResetPasswordInputSchema,
  SessionListSchema,
  SessionParamsSchema,
  MeSchema,
  SignInInputSchema,
  UpdateUserInputSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserParamsSchema,
  UserSchema,
} from './contract';
import {
  PasswordConfirmationSchema,
  RecoveryCodesSchema,
  TwoFactorCodeInputSchema,
  TwoFactorEnrolmentSchema,
  TwoFactorPolicyInputSchema,
  TwoFactorPolicySchema,
} from './two-factor-contract';

// The accounts module's endpoints (ADR 0022): routes.ts registers them, the web app calls them.
const session = ['Sesión'];
const users = ['Usuarios'];

export const signIn = defineEndpoint({
  method: 'POST',
  path: '/api/session',
  operationId: 'signIn',
  tags: session,
  summary: 'Iniciar sesión con correo y contraseña',
  public: true,
  body: SignInInputSchema,
  status: 204,
  response: z.null(),
  errors: [429],
});
export const signOut = defineEndpoint({
  method: 'DELETE',
  path: '/api/session',
  operationId: 'signOut',
  tags: session,
  summary: 'Cerrar sesión',
  status: 204,
  response: z.null(),
});
export const getMe = defineEndpoint({
  method: 'GET',
  path: '/api/me',
  operationId: 'getMe',
  tags: session,
  summary: 'Usuario de la sesión',
  response: MeSchema,
});
export const changePassword = defineEndpoint({
  method: 'POST',
  path: '/api/me/password',
  operationId: 'changePassword',
  tags: session,
  summary: 'Cambiar la contraseña propia',
  body: ChangePasswordInputSchema,
  status: 204,
  response: z.null(),
});

export const listUsers = defineEndpoint({
  method: 'GET',
  path: '/api/users',
  operationId: 'listUsers',
  tags: users,
  summary: 'Usuarios de la organización',
  query: UserListQuerySchema,
  response: UserPageSchema,
});
export const getUser = defineEndpoint({
  method: 'GET',
  path: '/api/users/:id',
  operationId: 'getUser',
  tags: users,
  summary: 'Un usuario',
  params: UserParamsSchema,
  response: UserSchema,
});
export const createUser = defineEndpoint({
  method: 'POST',
  path: '/api/users',
  operationId: 'createUser',
  tags: users,
  summary: 'Crear un usuario',
  body: CreateUserInputSchema,
  status: 201,
  response: UserSchema,
});
export const updateUser = defineEndpoint({
  method: 'PATCH',
  path: '/api/users/:id',
  operationId: 'updateUser',
  tags: users,
  summary: 'Modificar, desactivar o restablecer la contraseña de un usuario',
  params: UserParamsSchema,
  body: UpdateUserInputSchema,
  response: UserSchema,
});

// The installation (ADR 0023): its first operator, the organizations operators manage, and the
// invitations that let an organization's administrator set a password.
const installation = ['Instalación'];

export const getSetupLink = defineEndpoint({
  method: 'GET',
  path: '/api/setup/:token',
  operationId: 'getSetupLink',
  tags: installation,
  summary: 'Comprobar un enlace de instalación (404 desconocido, 410 usado, 409 ya hay operación)',
  public: true,
  params: TokenParamsSchema,
  response: SetupLinkSchema,
  errors: [410],
});
export const completeSetup = defineEndpoint({
  method: 'POST',
  path: '/api/setup/:token',
  operationId: 'completeSetup',
  tags: installation,
  summary: 'Crear la primera cuenta de operación de la instalación con el enlace de un solo uso',
  public: true,
  params: TokenParamsSchema,
  body: FirstOperatorInputSchema,
  status: 204,
  response: z.null(),
  errors: [410],
});
export const listOrganizations = defineEndpoint({
  method: 'GET',
  path: '/api/organizations',
  operationId: 'listOrganizations',
  tags: installation,
  summary: 'Organizaciones de la instalación (solo operación)',
  response: OrganizationListSchema,
});
export const createOrganization = defineEndpoint({
  method: 'POST',
  path: '/api/organizations',
  operationId: 'createOrganization',
  tags: installation,
  summary: 'Crear una organización: la autoridad nacional o un organismo local (solo operación)',
  body: OrganizationInputSchema,
  status: 201,
  response: OrganizationSchema,
});
export const updateOrganization = defineEndpoint({
  method: 'PATCH',
  path: '/api/organizations/:id',
  operationId: 'updateOrganization',
  tags: installation,
  summary: 'Suspender o reactivar una organización (solo operación)',
  params: OrganizationParamsSchema,
  body: OrganizationUpdateSchema,
  response: OrganizationSchema,
});
export const inviteAdministrator = defineEndpoint({
  method: 'POST',
  path: '/api/organizations/:id/invitations',
  operationId: 'inviteAdministrator',
  tags: installation,
  summary: 'Invitar por correo a quien administrará la organización (solo operación)',
  params: OrganizationParamsSchema,
  body: InvitationInputSchema,
  status: 201,
  response: InvitationSentSchema,
});
export const getInvitation = defineEndpoint({
  method: 'GET',
  path: '/api/invitations/:token',
  operationId: 'getInvitation',
  tags: installation,
  summary: 'A quién invita un enlace (404 desconocido, 410 usado o vencido)',
  public: true,
  params: TokenParamsSchema,
  response: InvitationSchema,
  errors: [410],
});
export const acceptInvitation = defineEndpoint({
  method: 'POST',
  path: '/api/invitations/:token',
  operationId: 'acceptInvitation',
  tags: installation,
  summary: 'Definir la contraseña con una invitación de un solo uso',
  public: true,
  params: TokenParamsSchema,
  body: AcceptInvitationInputSchema,
  status: 204,
  response: z.null(),
  errors: [410],
});

// Password reset by e-mail and the sessions a person ends (ADR 0027).

export const requestPasswordReset = defineEndpoint({
  method: 'POST',
  path: '/api/password-reset',
  operationId: 'requestPasswordReset',
  tags: session,
  summary: 'Pedir un enlace para restablecer la contraseña (la misma respuesta exista o no la cuenta)',
  public: true,
  body: PasswordResetRequestSchema,
  status: 204,
  response: z.null(),
});
export const getResetLink = defineEndpoint({
  method: 'GET',
  path: '/api/password-reset/:token',
  operationId: 'getResetLink',
  tags: session,
  summary: 'Para quién es un enlace de restablecimiento (404 desconocido o usado, 410 vencido)',
  public: true,
  params: TokenParamsSchema,
  response: ResetLinkSchema,
  errors: [410],
});
export const resetPassword = defineEndpoint({
  method: 'POST',
  path: '/api/password-reset/:token',
  operationId: 'resetPassword',
  tags: session,
  summary: 'Definir una contraseña nueva con un enlace de un solo uso; cierra todas las sesiones',
  public: true,
  params: TokenParamsSchema,
  body: ResetPasswordInputSchema,
  status: 204,
  response: z.null(),
  errors: [410],
});
export const listMySessions = defineEndpoint({
  method: 'GET',
  path: '/api/me/sessions',
  operationId: 'listMySessions',
  tags: session,
  summary: 'Sesiones abiertas de la cuenta propia',
  response: SessionListSchema,
});
export const endMySession = defineEndpoint({
  method: 'DELETE',
  path: '/api/me/sessions/:id',
  operationId: 'endMySession',
  tags: session,
  summary: 'Cerrar una sesión propia',
  params: SessionParamsSchema,
  status: 204,
  response: z.null(),
});
export const endMyOtherSessions = defineEndpoint({
  method: 'POST',
  path: '/api/me/sessions/end-others',
  operationId: 'endMyOtherSessions',
  tags: session,
  summary: 'Cerrar todas las sesiones propias menos esta',
  response: EndedSessionsSchema,
});
export const endUserSessions = defineEndpoint({
  method: 'POST',
  path: '/api/users/:id/sessions/end-all',
  operationId: 'endUserSessions',
  tags: users,
  summary: 'Cerrar todas las sesiones de un usuario de la organización',
  params: UserParamsSchema,
  response: EndedSessionsSchema,
});

// Two-factor authentication (ADR 0028): two-factor-routes.ts registers these.

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
