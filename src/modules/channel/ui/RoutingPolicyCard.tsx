import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoutingPolicyInputSchema, type RoutingPolicy, type RoutingPolicyInput } from '../routing-contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { SettingCard } from '@/web/shared/ui/SettingCard';
import { CHANNEL_KEY } from './api';
import { setRoutingPolicy, useRoutingPolicy } from './routing-api';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

addLazyStrings(channelStrings);

/**
 * Whether liaison staff's routings need the Secretaría Ejecutiva's instruction before the areas see
 * them, and which area instructs (ADR 0038). Everyone reads it; the administrator changes it.
 */
export function RoutingPolicyCard() {
  const { t } = useTranslation();
  return (
    <SettingCard
      title={t('channel.instruction.policyTitle')}
      description={t('channel.instruction.policyDescription')}
      query={useRoutingPolicy()}
      canManage={useCan('channel.settings')}
      form={(policy) => <PolicyForm policy={policy} />}
      read={(policy) => (
        <Text size="sm">
          {policy.instructingArea
            ? t('channel.instruction.policyOn', { area: policy.instructingArea.name })
            : t('channel.instruction.policyOff')}
        </Text>
      )}
    />
  );
}

function PolicyForm({ policy }: { policy: RoutingPolicy }) {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const f = useSaveForm({
    initialValues: { instructingAreaId: policy.instructingArea?.id ?? null },
    schema: RoutingPolicyInputSchema,
    toInput: (v): RoutingPolicyInput => ({ instructingAreaId: v.instructingAreaId }),
    save: setRoutingPolicy,
    invalidate: [CHANNEL_KEY],
    saved: (p) =>
      p.instructingArea
        ? t('channel.instruction.policyOn', { area: p.instructingArea.name })
        : t('channel.instruction.policyOff'),
  });
  return (
    <FormBody form={f} submitLabel={t('common.saveChanges')}>
      <Select
        label={t('channel.instruction.instructingArea')}
        placeholder={t('channel.instruction.noInstruction')}
        description={t('channel.instruction.instructingAreaHelp')}
        data={areas.data ?? []}
        searchable
        clearable
        {...f.form.getInputProps('instructingAreaId')}
      />
    </FormBody>
  );
}
