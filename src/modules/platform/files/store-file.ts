import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { storedFile } from './schema';

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Stores `content` once, under its SHA-256; storing the same bytes again is a no-op. Returns the
 * hash by which records refer to the file.
 */
export async function storeFile(db: Db, content: Buffer, mediaType: string): Promise<string> {
  const sha256 = sha256Of(content);
  await db
    .insert(storedFile)
    .values({ sha256, size: content.length, mediaType, content })
    .onConflictDoNothing();
  return sha256;
}

export async function readFile(
  db: Db,
  sha256: string,
): Promise<{ content: Buffer; mediaType: string } | undefined> {
  const [row] = await db
    .select({ content: storedFile.content, mediaType: storedFile.mediaType })
    .from(storedFile)
    .where(eq(storedFile.sha256, sha256));
  return row;
}
