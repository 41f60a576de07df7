import { recordAudit, type AuditActor } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import { AppError, notFound } from '../platform/errors';
import type { Mailer } from '../platform/mail/mailer';
import type { InvitationInput } from './contract';
import {
  credentialHash,
  expireInvitationsOf,
  findManagedOrganization,
  findUserByEmail,
  insertInvitation,
  insertInvitedUser,
} from './repository';
import { newLinkToken } from './tokens';

/** How long an invitation link works. */
export const INVITATION_HOURS = 72;
/** The page of the web app the link opens; the token is its last segment. */
export const INVITATION_PAGE = '/invitacion/';

/**
 * Invites an organization's administrator by e-mail: creates the account without a password (or
 * finds the one still waiting for it) and sends a single-use link, valid for 72 hours, that sets
 * it. A new invitation voids the earlier ones. Without an SMTP server the link is returned for the
 * operator to hand over.
 */
export async function inviteAdministrator(
  deps: { db: Db; mailer: Mailer; publicUrl: string; log?: (msg: string, data: object) => void },
  actor: AuditActor,
  organizationId: string,
  input: InvitationInput,
) {
  const email = input.email.trim().toLowerCase();
  const { token, hash } = newLinkToken();
  const { org, invited } = await inTransaction(deps.db, async (tx) => {
    const org = await findManagedOrganization(tx, organizationId);
    if (!org) throw notFound();
    const existing = await findUserByEmail(tx, email);
    let userId: string;
    if (existing) {
      const waiting = existing.organizationId === org.id && !(await credentialHash(tx, existing.id));
      if (!waiting) {
        throw new AppError('DUPLICATE', 409, [
          { path: 'email', message: 'Ya existe una cuenta con este correo' },
        ]);
      }
      userId = existing.id;
      await expireInvitationsOf(tx, userId);
    } else {
      userId = crypto.randomUUID();
      await insertInvitedUser(tx, {
        id: userId,
        organizationId: org.id,
        name: input.name,
        email,
        roles: ['administrator'],
      });
    }
    const invited = await insertInvitation(tx, {
      tokenHash: hash,
      userId,
      organizationId: org.id,
      expiresAt: new Date(Date.now() + INVITATION_HOURS * 3600_000),
    });
    await recordAudit(tx, actor, {
      action: 'invitation.send',
      entityType: 'user',
      entityId: userId,
      organizationId: org.id,
      after: { name: input.name, email, roles: ['administrator'], expiresAt: invited.expiresAt },
    });
    return { org, invited };
  });

  const link = `${deps.publicUrl.replace(/\/$/, '')}${INVITATION_PAGE}${token}`;
  let mailed = false;
  if (!deps.mailer.logOnly) {
    try {
      await deps.mailer.send({
        to: email,
        subject: `Invitación a Vincula: administración de ${org.acronym}`,
        text: invitationText(input.name, org.name, link),
      });
      mailed = true;
    } catch (error) {
      // The invitation stands: the operator sees the link and can hand it over or send another.
      deps.log?.('invitation e-mail not sent', { to: email, error: String(error) });
    }
  }
  return {
    userId: invited.userId,
    email,
    expiresAt: invited.expiresAt.toISOString(),
    mailed,
    link: mailed ? null : link,
  };
}

function invitationText(name: string, organization: string, link: string): string {
  return [
    `Hola, ${name}:`,
    '',
    `Se le invitó a administrar ${organization} en Vincula.`,
    'Para definir su contraseña y entrar, abra este enlace (funciona una sola vez y vence en 72 horas):',
    '',
    link,
    '',
    'Si no esperaba esta invitación, ignore este mensaje.',
  ].join('\n');
}
