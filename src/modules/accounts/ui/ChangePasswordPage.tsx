import { Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import { ApiRequestError } from '@/web/shared/api/client';
import { changePassword } from './api';
import { MySessions } from './MySessions';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { PasswordField } from '@/web/shared/ui/PasswordField';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      confirmation: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const change = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) => changePassword(values),
    onSuccess: () => {
      form.reset();
      // The other sessions just ended.
      void queryClient.invalidateQueries({ queryKey: ['my-sessions'] });
      notifySuccess(t('password.changed'));
    },
    onError: (error) => {
      setUnplaced(applyFieldErrors(form, error));
      // A wrong current password belongs next to that field, not in a general alert.
      if (error instanceof ApiRequestError && error.code === 'WRONG_PASSWORD') {
        form.setFieldError('currentPassword', error.message);
      }
    },
  });
  const wrongPassword = change.error instanceof ApiRequestError && change.error.code === 'WRONG_PASSWORD';

  return (
    <>
      <PageHeader title={t('password.title')} description={t('password.description')} />
      <Paper withBorder p="xl" maw={520}>
        <form
          noValidate
          onSubmit={form.onSubmit(({ currentPassword, newPassword }) => {
            setUnplaced([]);
            change.mutate({ currentPassword, newPassword });
          })}
        >
          <Stack>
            <FormErrorAlert error={wrongPassword ? null : change.error} unplaced={unplaced} />
            <PasswordField
              label={t('password.current')}
              autoComplete="current-password"
              withAsterisk
              {...form.getInputProps('currentPassword')}
            />
            <PasswordField
              label={t('password.new')}
              description={t('password.rule')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('newPassword')}
            />
            <PasswordField
              label={t('password.confirm')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('confirmation')}
            />
            <Text size="xs" c="dimmed">
              {t('password.hint')}
            </Text>
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <MySessions />
    </>
  );
}
