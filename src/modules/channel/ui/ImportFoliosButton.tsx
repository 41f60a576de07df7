import { Button } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '@/web/shared/session/session';
import { ImportPlanModal } from '@/web/shared/ui/ImportPlanModal';
import {
  CHANNEL_KEY,
  downloadFolioTemplate,
  downloadSentFolioTemplate,
  importFolioFile,
  importSentFolioFile,
  previewFolioImport,
  previewSentFolioImport,
  useCounterparts,
} from './api';
import channelReportsStrings from 'virtual:lazy-strings/channelReports';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelReportsStrings);

/**
 * Import of folios from a spreadsheet, with its templates and a dry run (ADR 0032): the national
 * authority brings the folios it sent to the installation's local bodies; a local body whose
 * national counterpart is not in the installation, those it received (otherwise folios arrive
 * through the system, numbered by the national authority).
 */
export function ImportFoliosButton() {
  const { t } = useTranslation();
  const canWrite = useCan('channel.write');
  const me = useMe();
  const counterparts = useCounterparts();
  const [open, setOpen] = useState(false);
  if (!canWrite || !me.data) return null;
  if (me.data.organization.kind === 'national_authority')
    return (
      <>
        <Button
          variant="default"
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => setOpen(true)}
        >
          {t('channelReports.importSentFolios')}
        </Button>
        {open && (
          <ImportPlanModal
            title={t('importPlan.sentFolios.title')}
            help={t('importPlan.sentFolios.help')}
            recordHeader={t('importPlan.sentFolios.record')}
            template={downloadSentFolioTemplate}
            preview={previewSentFolioImport}
            commit={importSentFolioFile}
            invalidate={[CHANNEL_KEY]}
            onClose={() => setOpen(false)}
          />
        )}
      </>
    );
  if (!counterparts.data || counterparts.data.national) return null;
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
