import { useTranslation } from 'react-i18next';
import { useKnownPeriod } from '@/web/shared/lib/use-period';

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
