import { Button, Menu } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError } from './errors';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** "Exportar" with its two formats: downloads the list as filtered on screen. */
export function ExportMenu(props: { download: (format: SpreadsheetFormat) => Promise<unknown> }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: props.download,
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
        {(['csv', 'xlsx'] as const).map((format) => (
          <Menu.Item
            key={format}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={() => download.mutate(format)}
          >
            {t(`files.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
