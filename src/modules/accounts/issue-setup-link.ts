import type { Db } from '../platform/db/client';
import { insertSetupToken, operatorExists } from './repository';
import { newLinkToken } from './tokens';

/** The path of the setup page in the web app; the token is its last segment. */
export const SETUP_PAGE = '/instalacion/';

/**
 * A new one-time setup link while the installation has no operator (each start of the server
 * prints one, as Grafana and GitLab do), or null once it has one. Only the token's hash is stored.
 */
export async function issueSetupLink(db: Db, publicUrl: string): Promise<string | null> {
  if (await operatorExists(db)) return null;
  const { token, hash } = newLinkToken();
  await insertSetupToken(db, hash);
  return `${publicUrl.replace(/\/$/, '')}${SETUP_PAGE}${token}`;
}
