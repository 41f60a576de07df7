import { useTranslation } from 'react-i18next';
import { useKnownPeriod } from '@/web/shared/lib/use-period';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

/**
 * The quarter the program pages look at: the app's shared choice (`usePeriod`: the address's
 * ?periodo=2024-T1, else the tab's last choice, else the latest quarter with records). The pages
 * are rendered behind `withPeriod`.
 */
export function useProgramPeriod() {
  const { t } = useTranslation();
  const { period, periodSelect } = useKnownPeriod({ label: t('program.period') });
  return { period, periodSelect };
}
