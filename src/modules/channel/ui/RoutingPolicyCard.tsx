import { Paper, Select, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoutingPolicyInputSchema, type RoutingPolicy, type RoutingPolicyInput } from '../routing-contract';
import { useAreaOptions } from '@/modules/directory/ui/api';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { QueryError } from '@/web/shared/ui/QueryError';
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
  const policy = useRoutingPolicy();
  const canManage = useCan('channel.settings');
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h4" mb="xs">
        {t('channel.instruction.policyTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('channel.instruction.policyDescription')}
      </Text>
      {policy.isError && <QueryError error={policy.error} onRetry={() => void policy.refetch()} />}
      {policy.data &&
        (canManage ? (
          <PolicyForm policy={policy.data} />
        ) : (
          <Text size="sm">
            {policy.data.instructingArea
              ? t('channel.instruction.policyOn', { area: policy.data.instructingArea.name })
              : t('channel.instruction.policyOff')}
          </Text>
        ))}
    </Paper>
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
