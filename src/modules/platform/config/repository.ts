import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { installationSecret } from './schema';

/**
 * The stored secret of `purpose`, storing `candidate` first if there is none. Instances starting
 * together all insert; the first insert wins and the others' conflict waits for it, so each then
 * reads the winner's value.
 */
export async function storedSecret(db: Db, purpose: string, candidate: string): Promise<string> {
  await db.insert(installationSecret).values({ purpose, value: candidate }).onConflictDoNothing();
  const [row] = await db
    .select({ value: installationSecret.value })
    .from(installationSecret)
    .where(eq(installationSecret.purpose, purpose));
  if (!row) throw new Error(`installation secret "${purpose}" missing right after it was stored`);
  return row.value;
}
