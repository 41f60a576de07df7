import { recordAudit } from '../platform/audit/record-audit';
import type { Db } from '../platform/db/client';
import { inTransaction } from '../platform/db/transaction';
import type { JobQueue } from '../platform/jobs/job-queue';
import type { Auth } from './auth';
import { credentialHash, findUserByEmail, verificationsIssuedSince } from './repository';

/** The queue of reset requests: the answer never waits for (or reveals) what the job finds. */
export const PASSWORD_RESET_QUEUE = 'accounts.password-reset';

export type PasswordResetRequest = { email: string; ip: string | null };

/** At most this many links per account in RESET_FLOOD_MINUTES: nobody floods a mailbox with them. */
export const RESET_FLOOD_LIMIT = 3;
export const RESET_FLOOD_MINUTES = 15;

/**
 * Someone asked for a reset link for `email`. Only the request is queued, whether or not the address
 * has an account, so the answer and its timing are the same for every address (ADR 0027).
 */
export async function requestPasswordReset(jobs: JobQueue, email: string, ip: string | null): Promise<void> {
  const request: PasswordResetRequest = { email: email.trim().toLowerCase(), ip };
  await jobs.send(PASSWORD_RESET_QUEUE, request, { retryLimit: 3, retryDelay: 5 });
}

/**
 * The job: an active account with a password gets a link (better-auth issues it; its hook queues the
 * e-mail, auth.ts); a disabled account, a suspended organization, an account still waiting for its
 * invitation or an unknown address get nothing. Every request is audited with what came of it.
 */
export async function issuePasswordResetLink(
  deps: { db: Db; auth: Auth },
  request: PasswordResetRequest,
): Promise<void> {
  const { db } = deps;
  const known = await findUserByEmail(db, request.email);
  let outcome: 'sent' | 'unknown' | 'inactive' | 'no_password' | 'too_many';
  if (!known) outcome = 'unknown';
  else if (known.disabledAt || known.orgSuspendedAt) outcome = 'inactive';
  else if (!(await credentialHash(db, known.id))) outcome = 'no_password';
  else {
    const since = new Date(Date.now() - RESET_FLOOD_MINUTES * 60_000);
    outcome =
      (await verificationsIssuedSince(db, known.id, since)) >= RESET_FLOOD_LIMIT ? 'too_many' : 'sent';
  }
  if (outcome === 'sent') await deps.auth.api.requestPasswordReset({ body: { email: request.email } });
  await inTransaction(db, (tx) =>
    recordAudit(
      tx,
      {
        userId: known?.id ?? null,
        label: request.email,
        organizationId: known?.organizationId ?? null,
        ip: request.ip,
      },
      {
        action: 'auth.password_reset_requested',
        entityType: 'user',
        entityId: known?.id,
        after: { outcome },
      },
    ),
  );
}

export async function registerPasswordResetJobs(
  queue: JobQueue,
  deps: { db: Db; auth: Auth },
): Promise<void> {
  await queue.createQueue(PASSWORD_RESET_QUEUE);
  await queue.work<PasswordResetRequest>(
    PASSWORD_RESET_QUEUE,
    { pollingIntervalSeconds: 1 },
    async ([job]) => {
      await issuePasswordResetLink(deps, job!.data);
    },
  );
}
