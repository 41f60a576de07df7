import { AppError } from '../platform/errors';
import { SSO_REFUSALS, type SsoRefusal } from './sso-contract';

/**
 * A sign-in through a provider that cannot go on (ADR 0034): answered with its code and Spanish
 * message, or, to a browser, by the sign-in page that explains `reason`.
 */
export class SsoRefused extends AppError {
  constructor(readonly reason: SsoRefusal) {
    const fields = reason === 'desconocido' ? [{ path: 'provider', message: 'El proveedor no existe' }] : [];
    super(SSO_REFUSALS[reason], STATUS[reason], fields);
  }
}

const STATUS: Record<SsoRefusal, number> = {
  estado: 400,
  emisor: 400,
  respuesta: 400,
  proveedor: 400,
  'sin-cuenta': 403,
  dominio: 403,
  'sin-verificar': 403,
  desactivada: 403,
  suspendida: 403,
  desconocido: 404,
  'no-disponible': 503,
};
