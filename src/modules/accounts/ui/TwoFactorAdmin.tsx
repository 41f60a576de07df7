import { Button, Checkbox, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../contract';
import { notifyError, notifySuccess } from '@/web/shared/ui/errors';
import { QueryError } from '@/web/shared/ui/QueryError';
import { resetUserTwoFactor, setTwoFactorPolicy, useTwoFactorPolicy } from './api';

// The administrator's side of two-factor authentication (ADR 0028): which roles must use it, and
// removing a user's second factor when they lose their phone.

/** The organization's policy: the roles that must use a second factor. */
export function TwoFactorPolicyCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const policy = useTwoFactorPolicy();
  const [roles, setRoles] = useState<Role[]>([]);
  useEffect(() => {
    if (policy.data) setRoles(policy.data.requiredRoles);
  }, [policy.data]);
  const save = useMutation({
    mutationFn: () => setTwoFactorPolicy(roles),
    onSuccess: (saved) => {
      queryClient.setQueryData(['two-factor-policy'], saved);
      // The administrator may be among those now required to enrol.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(t('twoFactor.policySaved'));
    },
    onError: (error) => notifyError(error, t),
  });

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
        ) : (
          <Checkbox.Group
            label={t('twoFactor.policyRoles')}
            value={roles}
            onChange={(value) => setRoles(value as Role[])}
          >
            <Group mt="xs">
              {ROLES.map((r) => (
                <Checkbox
                  key={r}
                  value={r}
                  label={t(`enums.role.${r}`)}
                  disabled={!canManage || !policy.data}
                />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {canManage && (
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!policy.data}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('twoFactor.policySave')}
          </Button>
        )}
      </Stack>
    </Paper>
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
    onError: (error) => notifyError(error, t),
  });
  return (
    <Modal opened onClose={onClose} title={t('twoFactor.resetTitle')}>
      <Stack>
        <Text size="sm">{t('twoFactor.resetText', { name: user.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={reset.isPending} onClick={() => reset.mutate()}>
            {t('twoFactor.reset')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
