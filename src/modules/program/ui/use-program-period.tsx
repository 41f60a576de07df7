import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { todayInMexicoCity } from '@/shared/dates';
import { parseQuarter, quarterOf, quarterOptions } from './period';

/**
 * The quarter the program pages look at, kept in the address (?periodo=2024-T1) so a link shows
 * the same period; by default the current quarter.
 */
export function useProgramPeriod() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = parseQuarter(params.get('periodo')) ?? quarterOf(todayInMexicoCity());
  const periodSelect = (
    <Select
      label={t('program.period')}
      data={quarterOptions()}
      value={period.value}
      allowDeselect={false}
      onChange={(value) => {
        const next = new URLSearchParams(params);
        if (value) next.set('periodo', value);
        next.delete('page');
        setParams(next, { replace: true });
      }}
    />
  );
  return { period, periodSelect };
}
