import { NumberInput, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NoticeSettingsInputSchema, type NoticeSettings } from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { QueryError } from '@/web/shared/ui/QueryError';
import { GOVERNANCE_KEY, updateNoticeSettings, useNoticeSettings } from './api';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

addLazyStrings(governanceStrings);

const KINDS = ['ordinaryNoticeHours', 'extraordinaryNoticeHours', 'urgentNoticeHours'] as const;

/**
 * How many hours before a session its convocatoria must go out, per kind of session (ADR 0037):
 * a later convocatoria is sent only once staff confirm it, and is recorded as late.
 */
export function NoticeSettingsCard() {
  const { t } = useTranslation();
  const settings = useNoticeSettings();
  const canWrite = useCan('governance.write');
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h4" mb="xs">
        {t('governance.noticeSettings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('governance.noticeSettings.description')}
      </Text>
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data &&
        (canWrite ? (
          <NoticeForm settings={settings.data} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {KINDS.map((k) => (
              <Text key={k} size="sm">
                {t(`governance.noticeSettings.${k}`)}:{' '}
                {t('governance.noticeSettings.hours', { count: settings.data[k] })}
              </Text>
            ))}
          </SimpleGrid>
        ))}
    </Paper>
  );
}

function NoticeForm({ settings }: { settings: NoticeSettings }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: settings as Record<(typeof KINDS)[number], number | string>,
    schema: NoticeSettingsInputSchema,
    // An emptied field stays empty (refused as missing), not 0 hours.
    toInput: (v) =>
      Object.fromEntries(KINDS.map((k) => [k, v[k] === '' ? undefined : Number(v[k])])) as NoticeSettings,
    save: updateNoticeSettings,
    invalidate: [GOVERNANCE_KEY],
    saved: () => t('governance.noticeSettings.saved'),
  });
  return (
    <FormBody form={f} submitLabel={t('common.saveChanges')} label={t('governance.noticeSettings.title')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {KINDS.map((k) => (
          <NumberInput
            key={k}
            label={t(`governance.noticeSettings.${k}`)}
            suffix=" h"
            min={0}
            max={720}
            allowDecimal={false}
            {...f.form.getInputProps(k)}
          />
        ))}
      </SimpleGrid>
    </FormBody>
  );
}
