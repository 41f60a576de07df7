import { z } from 'zod';

/**
 * Stable error codes of the API. Clients branch on `code`; `message` is for people (Spanish);
 * `fields` names the offending input, one entry per problem.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'Los datos enviados no son válidos.',
  MALFORMED_REQUEST: 'La solicitud está mal formada.',
  PAYLOAD_TOO_LARGE: 'El contenido enviado excede el tamaño permitido.',
  UNSUPPORTED_MEDIA_TYPE: 'El tipo de contenido enviado no está permitido.',
  UNAUTHENTICATED: 'Inicie sesión para continuar.',
  INVALID_CREDENTIALS: 'El correo o la contraseña no son correctos.',
  TOO_MANY_ATTEMPTS: 'Demasiados intentos fallidos. Espere unos minutos antes de volver a intentarlo.',
  ACCOUNT_DISABLED: 'La cuenta está desactivada.',
  ORGANIZATION_SUSPENDED:
    'La organización está suspendida; sus cuentas no pueden iniciar sesión. Consulte a quien opera la instalación.',
  SETUP_LINK_INVALID:
    'El enlace de instalación no es válido. Use el enlace que mostró el servidor al iniciar.',
  SETUP_LINK_USED: 'Este enlace de instalación ya se usó; no puede usarse otra vez.',
  SETUP_COMPLETE: 'La instalación ya tiene una cuenta de operación; el enlace de instalación ya no funciona.',
  INVITATION_INVALID: 'La invitación no es válida. Revise que el enlace esté completo.',
  INVITATION_EXPIRED: 'La invitación venció. Pida a quien opera la instalación que le envíe otra.',
  INVITATION_USED: 'Esta invitación ya se usó. Inicie sesión con la contraseña que definió.',
  WRONG_PASSWORD: 'La contraseña actual no es correcta.',
  WEAK_PASSWORD: 'La contraseña es demasiado fácil de adivinar. Elija otra.',
  RESET_LINK_INVALID:
    'Este enlace para restablecer la contraseña no es válido o ya se usó. Pida uno nuevo desde «¿Olvidaste tu contraseña?».',
  RESET_LINK_EXPIRED:
    'Este enlace para restablecer la contraseña venció (dura una hora). Pida uno nuevo desde «¿Olvidaste tu contraseña?».',
  TWO_FACTOR_REQUIRED: 'Escriba el código de su aplicación de autenticación para terminar de iniciar sesión.',
  TWO_FACTOR_ENROLMENT_REQUIRED:
    'Su organización exige la verificación en dos pasos para su rol. Actívela para continuar.',
  INVALID_CODE: 'El código no es correcto. Escriba el que muestra ahora su aplicación.',
  CODE_ALREADY_USED: 'Ese código ya se usó. Espere a que su aplicación muestre uno nuevo.',
  SIGN_IN_EXPIRED: 'El inicio de sesión venció. Escriba de nuevo su correo y contraseña.',
  TWO_FACTOR_ALREADY_ENABLED: 'La verificación en dos pasos ya está activa.',
  TWO_FACTOR_NOT_STARTED: 'Primero confirme su contraseña para obtener la clave.',
  TWO_FACTOR_REQUIRED_BY_ROLE:
    'Su organización exige la verificación en dos pasos para su rol; no puede desactivarla.',
  // Single sign-on (ADR 0034).
  SSO_REQUIRED:
    'Su institución entra con su cuenta institucional: use «Entrar con …» en lugar de la contraseña.',
  SSO_STATE_INVALID:
    'El inicio de sesión con su cuenta institucional no es válido o venció. Vuelva a intentarlo desde esta página.',
  SSO_ISSUER_MISMATCH:
    'La respuesta no viene del proveedor configurado para su institución; no se abrió la sesión. Vuelva a intentarlo.',
  SSO_RESPONSE_INVALID:
    'No fue posible verificar la respuesta del proveedor de su cuenta institucional; no se abrió la sesión. Vuelva a intentarlo.',
  SSO_PROVIDER_ERROR:
    'El proveedor de su cuenta institucional no completó el inicio de sesión (quizá lo canceló). Vuelva a intentarlo.',
  SSO_NO_ACCOUNT:
    'No hay una cuenta de Vincula con el correo de su cuenta institucional. Pida a la administración de Vincula de su institución que la cree.',
  SSO_DOMAIN_REFUSED:
    'El correo de esa cuenta no es de un dominio de su institución en Vincula; no se abrió la sesión. Entre con su cuenta institucional.',
  SSO_EMAIL_UNVERIFIED:
    'El proveedor no confirma que el correo de esa cuenta esté verificado; no se abrió la sesión. Consulte al área de informática de su institución.',
  SSO_PROVIDER_UNKNOWN: 'Ese proveedor de cuentas institucionales no está configurado en Vincula.',
  SSO_PROVIDER_UNAVAILABLE:
    'No fue posible comunicarse con el proveedor de su cuenta institucional. Intente en unos minutos.',
  SSO_NOT_AVAILABLE:
    'Su organización no tiene un proveedor de cuenta institucional configurado; pídalo a quien opera la instalación.',
  SSO_NOT_TRIED:
    'Antes de exigirla, entre usted una vez con su cuenta institucional: así se comprueba que funciona y nadie queda fuera.',
  FORBIDDEN: 'No tiene permiso para realizar esta acción.',
  CROSS_ORIGIN_REQUEST: 'La solicitud proviene de un origen no permitido.',
  NOT_FOUND: 'El recurso solicitado no existe.',
  CONFLICT: 'La operación entra en conflicto con el estado actual del registro.',
  DUPLICATE: 'Ya existe un registro con esos datos.',
  IMPORT_INVALID: 'El archivo contiene filas con errores; no se importó ningún registro.',
  IMPORT_UNREADABLE: 'No fue posible leer el archivo.',
  NO_RECIPIENTS:
    'Ninguna persona de las bases elegidas puede recibir la campaña (sin consentimiento vigente o con baja del canal).',
  CONVOCATION_LATE:
    'La convocatoria se enviaría con menos anticipación de la que exige el reglamento. Confirme para enviarla de todos modos.',
  CONVOCATION_LINK_INVALID: 'El enlace de la convocatoria no es válido. Revise que esté completo.',
  OPTED_OUT: 'La persona se dio de baja de ese canal o no tiene consentimiento vigente.',
  RATE_LIMITED: 'Demasiadas solicitudes. Intente más tarde.',
  INTERNAL: 'Ocurrió un error inesperado. El incidente quedó registrado.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const FieldProblemSchema = z.object({
  path: z.string().describe('Ruta del campo, p. ej. "startsOn" o "rows.3.name"'),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const ApiErrorSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    fields: z.array(FieldProblemSchema),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiErrorSchema>;
