import { Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { QueryError } from '@/web/shared/ui/QueryError';
import { setSsoPolicy, useSsoPolicy } from './sso-policy-api';

/**
 * Whether the organization's people must enter with their institutional account (ADR 0034). Shown
 * only when the installation configured a provider for the organization.
 */
export function SsoPolicyCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = useSsoPolicy();
  const [required, setRequired] = useState(false);
  useEffect(() => {
    if (policy.data) setRequired(policy.data.required);
  }, [policy.data]);
  const save = useMutation({
    mutationFn: () => setSsoPolicy(required),
    onSuccess: (saved) => {
      queryClient.setQueryData(['sso-policy'], saved);
      notifySuccess(t('sso.saved'));
    },
    onError: (error) => notifyError(error, t),
  });

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
        <Checkbox
          label={t('sso.required')}
          checked={required}
          disabled={!canManage}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        {canManage && (
          <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('twoFactor.policySave')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
