import { sql, type SQL } from 'drizzle-orm';

/** Escapes LIKE wildcards so that a user's "%" or "_" is matched literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Accent- and case-insensitive "contains" over a text expression: "asuntos juridicos" finds
 * "Unidad Técnica de Asuntos Jurídicos". Each word must appear; the trigram indexes of migration
 * 0001 serve these predicates.
 */
export function foldedContains(haystack: SQL, query: string): SQL {
  return containsEveryWord(sql`vincula_fold(${haystack})`, query);
}

/** The same over a column that already holds `vincula_fold` of the text (a stored generated column). */
export function containsEveryWord(folded: SQL, query: string): SQL {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const parts = words.map((w) => sql`${folded} like '%' || vincula_fold(${escapeLike(w)}) || '%'`);
  return sql.join(parts, sql` and `);
}
