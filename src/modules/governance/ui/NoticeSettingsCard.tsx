import { NumberInput, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NoticeSettingsInputSchema, type NoticeSettings } from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { SettingCard } from '@/web/shared/ui/SettingCard';
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
  return (
    <SettingCard
      title={t('governance.noticeSettings.title')}
      description={t('governance.noticeSettings.description')}
      query={useNoticeSettings()}
      canManage={useCan('governance.write')}
      form={(settings) => <NoticeForm settings={settings} />}
      read={(settings) => (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {KINDS.map((k) => (
            <Text key={k} size="sm">
              {t(`governance.noticeSettings.${k}`)}:{' '}
              {t('governance.noticeSettings.hours', { count: settings[k] })}
            </Text>
          ))}
        </SimpleGrid>
      )}
    />
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
