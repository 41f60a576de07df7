import { Button, Menu } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '@/web/shared/api/client';
import { notifyError } from '@/web/shared/ui/errors';

/** Downloads the list as it is filtered on screen, as CSV or XLSX. */
export function ExportFoliosMenu(props: { filters: Record<string, string | number | undefined> }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      api.download('/api/channel/folios/export', { ...props.filters, format }, `folios.${format}`),
    onError: (error) => notifyError(error, t),
  });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={download.isPending}
        >
          {t('files.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('files.exportHint')}</Menu.Label>
        <Menu.Item
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          onClick={() => download.mutate('csv')}
        >
          {t('files.csv')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          onClick={() => download.mutate('xlsx')}
        >
          {t('files.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
