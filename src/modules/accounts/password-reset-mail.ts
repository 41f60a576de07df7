import type { JobQueue } from '../platform/jobs/job-queue';
import { queueMail } from '../platform/mail/send-mail-job';
import { RESET_LINK_SECONDS, type SendResetLink } from './auth';

/** The page of the web app a reset link opens; the token is its last segment. */
export const RESET_PAGE = '/restablecer-contrasena/';

/** better-auth's hook for a new reset link: the e-mail leaves through the queue, as all mail does. */
export function resetLinkMailer(jobs: JobQueue, publicUrl: string): SendResetLink {
  return async (user, token) => {
    const link = `${publicUrl.replace(/\/$/, '')}${RESET_PAGE}${token}`;
    await queueMail(jobs, {
      to: user.email,
      subject: 'Restablecer su contraseña de Vincula',
      text: resetText(user.name, link),
    });
  };
}

function resetText(name: string, link: string): string {
  return [
    `Hola, ${name}:`,
    '',
    'Alguien pidió restablecer la contraseña de su cuenta de Vincula. Si fue usted, abra este enlace',
    `para elegir una contraseña nueva (funciona una sola vez y vence en ${RESET_LINK_SECONDS / 3600} hora):`,
    '',
    link,
    '',
    'Al cambiarla se cerrarán todas sus sesiones abiertas.',
    'Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
  ].join('\n');
}
