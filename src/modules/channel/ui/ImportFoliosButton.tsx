import { Button } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '@/web/shared/session/session';
import { ImportPlanModal } from '@/web/shared/ui/ImportPlanModal';
import {
  CHANNEL_KEY,
  downloadFolioTemplate,
  importFolioFile,
  previewFolioImport,
  useCounterparts,
} from './api';

/**
 * Import of received folios from a spreadsheet, with its templates and a dry run (ADR 0032): for a
 * local body whose national counterpart is not in the installation (otherwise folios arrive
 * through the system).
 */
export function ImportFoliosButton() {
  const { t } = useTranslation();
  const canWrite = useCan('channel.write');
  const counterparts = useCounterparts();
  const [open, setOpen] = useState(false);
  if (!canWrite || !counterparts.data || counterparts.data.national) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconUpload size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t('channelReports.importFolios')}
      </Button>
      {open && (
        <ImportPlanModal
          title={t('importPlan.folios.title')}
          help={t('importPlan.folios.help')}
          recordHeader={t('importPlan.folios.record')}
          template={downloadFolioTemplate}
          preview={previewFolioImport}
          commit={importFolioFile}
          invalidate={[CHANNEL_KEY]}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
