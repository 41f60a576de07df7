import { createHash, randomBytes } from 'node:crypto';

/** A secret for a link (256 random bits, URL-safe) and the hash the database keeps of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: linkTokenHash(token) };
}

/** Links' tokens are stored hashed: whoever reads the database or a backup cannot use them. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
