import { Button, Menu } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportModal } from '@/modules/directory/ui/DirectoryFileActions';
import { useCan } from '@/web/shared/session/session';
import { notifyError } from '@/web/shared/ui/errors';
import { CHANNEL_KEY, downloadFolioTemplate, importFolios, useCounterparts } from './api';

/**
 * Import of received folios from a spreadsheet, with its template: for a local body whose national
 * counterpart is not in the installation (otherwise folios arrive through the system).
 */
export function ImportFoliosButton() {
  const { t } = useTranslation();
  const canWrite = useCan('channel.write');
  const counterparts = useCounterparts();
  const [open, setOpen] = useState(false);
  if (!canWrite || !counterparts.data || counterparts.data.national) return null;
  const template = (format: 'csv' | 'xlsx') =>
    downloadFolioTemplate(format).catch((e: unknown) => notifyError(e, t));
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
            {t('channelReports.importFolios')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setOpen(true)}>
            {t('channelReports.importTitle')}
          </Menu.Item>
          <Menu.Label>{t('channelReports.template')}</Menu.Label>
          <Menu.Item
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={() => void template('csv')}
          >
            {t('channelReports.templateCsv')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={() => void template('xlsx')}
          >
            {t('channelReports.templateXlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open && (
        <ImportModal
          importFile={importFolios}
          title={t('channelReports.importTitle')}
          help={t('channelReports.importHelp')}
          queryKey={CHANNEL_KEY}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
