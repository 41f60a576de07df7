import { useQuery } from '@tanstack/react-query';
import { callEndpoint } from '@/web/shared/api/client';
import { getSetupChecklist } from '../endpoints';

// The set-up checklist's read, apart from the home page's other calls: it loads with the
// checklist's own chunk, only for administrators.

/** What the office has registered and what is missing (administrators' home page). */
export function useSetupChecklist() {
  return useQuery({
    queryKey: ['reports', 'setup-checklist'],
    queryFn: () => callEndpoint(getSetupChecklist),
    // Asked again on every visit to the home page: the administrator comes back from doing a step.
    staleTime: 0,
  });
}
