import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's search, filters and page, kept in the address so that they survive reloads, links and
 * the back button. Changing a filter goes back to page 1.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const q = params.get('q') ?? '';
  const filters = useMemo(() => {
    const out = {} as Record<K, string | null>;
    for (const key of filterKeys) out[key] = params.get(key);
    return out;
  }, [params, filterKeys]);

  const update = useCallback(
    (changes: Record<string, string | null>, keepPage = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          if (!keepPage) next.delete('pagina');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return {
    page,
    q,
    filters,
    setQ: (value: string) => update({ q: value }),
    setFilter: (key: K, value: string | null) => update({ [key]: value }),
    setPage: (value: number) => update({ pagina: value === 1 ? null : String(value) }, true),
  };
}
