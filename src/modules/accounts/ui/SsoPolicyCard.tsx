import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SsoPolicyInputSchema, type SsoPolicy } from '../sso-contract';
import { setSsoPolicy, useSsoPolicy } from './sso-policy-api';

/**
 * Whether the organization's people must enter with their institutional account (ADR 0034). Shown
 * only when the installation configured a provider for the organization.
 */
export function SsoPolicyCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const policy = useSsoPolicy();

  if (policy.isError) return <QueryError error={policy.error} onRetry={() => void policy.refetch()} />;
  if (!policy.data?.providers.length) return null;
  const names = policy.data.providers.map((p) => p.label).join(', ');
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="sso-policy-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sso-policy-title">
          {t('sso.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sso.text', { names })}
        </Text>
        <SsoPolicyForm policy={policy.data} canManage={canManage} />
      </Stack>
    </Paper>
  );
}

function SsoPolicyForm({ policy, canManage }: { policy: SsoPolicy; canManage: boolean }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { required: policy.required },
    schema: SsoPolicyInputSchema,
    toInput: (v) => v,
    save: (input) => setSsoPolicy(input.required),
    invalidate: [['sso-policy']],
    saved: () => t('sso.saved'),
  });
  const required = (
    <Checkbox
      label={t('sso.required')}
      disabled={!canManage}
      {...f.form.getInputProps('required', { type: 'checkbox' })}
    />
  );
  if (!canManage) return required;
  return (
    <FormBody form={f} submitLabel={t('twoFactor.policySave')} buttons="start" label={t('sso.title')}>
      {required}
    </FormBody>
  );
}
