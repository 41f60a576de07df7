import { Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { ME_QUERY_KEY } from '@/web/shared/session/session';
import { ROLES, type User } from '../contract';
import { TwoFactorPolicyInputSchema, type TwoFactorPolicy } from '../two-factor-contract';
import { notifySuccess } from '@/web/shared/ui/errors';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { QueryError } from '@/web/shared/ui/QueryError';
import { resetUserTwoFactor, setTwoFactorPolicy, useTwoFactorPolicy } from './api';

// The administrator's side of two-factor authentication (ADR 0028): which roles must use it, and
// removing a user's second factor when they lose their phone.

/** The organization's policy: the roles that must use a second factor. */
export function TwoFactorPolicyCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const policy = useTwoFactorPolicy();

  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="two-factor-policy-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="two-factor-policy-title">
          {t('twoFactor.policyTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('twoFactor.policyText')}
        </Text>
        {policy.isError ? (
          <QueryError error={policy.error} onRetry={() => void policy.refetch()} />
        ) : policy.data ? (
          <TwoFactorPolicyForm policy={policy.data} canManage={canManage} />
        ) : (
          <Loader size="sm" aria-label={t('common.loading')} />
        )}
      </Stack>
    </Paper>
  );
}

function TwoFactorPolicyForm({ policy, canManage }: { policy: TwoFactorPolicy; canManage: boolean }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { requiredRoles: policy.requiredRoles },
    schema: TwoFactorPolicyInputSchema,
    toInput: (v) => v,
    save: (input) => setTwoFactorPolicy(input.requiredRoles),
    // The administrator may be among those now required to enrol.
    invalidate: [['two-factor-policy'], ME_QUERY_KEY],
    saved: () => t('twoFactor.policySaved'),
  });
  const roles = (
    <Checkbox.Group label={t('twoFactor.policyRoles')} {...f.form.getInputProps('requiredRoles')}>
      <Group mt="xs">
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={t(`enums.role.${r}`)} disabled={!canManage} />
        ))}
      </Group>
    </Checkbox.Group>
  );
  if (!canManage) return roles;
  return (
    <FormBody
      form={f}
      submitLabel={t('twoFactor.policySave')}
      buttons="start"
      label={t('twoFactor.policyTitle')}
    >
      {roles}
    </FormBody>
  );
}

export function ResetTwoFactorModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => resetUserTwoFactor(user.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(t('twoFactor.resetDone', { name: user.name }));
      onClose();
    },
  });
  return (
    <ConfirmModal
      title={t('twoFactor.resetTitle')}
      message={t('twoFactor.resetText', { name: user.name })}
      confirm={t('twoFactor.reset')}
      mutation={reset}
      onConfirm={() => reset.mutate()}
      onClose={onClose}
    />
  );
}
