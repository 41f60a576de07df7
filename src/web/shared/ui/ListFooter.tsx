import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

/** "Mostrando 26–50 de 120" and the page controls under a list. */
export function ListFooter(props: {
  page: number;
  pageSize: number;
  total: number;
  /** The list counted up to `total` and there are more ("de más de 1 000"). */
  totalIsLowerBound?: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const first = props.total === 0 ? 0 : (props.page - 1) * props.pageSize + 1;
  const last = Math.min(props.total, props.page * props.pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t(props.totalIsLowerBound ? 'list.showingMore' : 'list.showing', {
          first: formatNumber(first),
          last: formatNumber(last),
          total: formatNumber(props.total),
        })}
      </Text>
      {pages > 1 && (
        <Pagination
          component="nav"
          aria-label={t('list.pages')}
          total={pages}
          value={props.page}
          onChange={props.onPage}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': t(`list.${control}`) })}
          getItemProps={(page) => ({ 'aria-label': t('list.page', { page }) })}
        />
      )}
    </Group>
  );
}
