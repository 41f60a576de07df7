import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/shared/errors';
import type { User } from '../contract';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { updateUser } from './api';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PasswordField } from '@/web/shared/ui/PasswordField';

/** An administrator sets a new password for a user who lost theirs. */
export function ResetPasswordModal(props: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { password: '' } });
  const reset = useMutation({
    mutationFn: (password: string) => updateUser(props.user.id, { password }),
    onSuccess: () => {
      notifySuccess(t('users.passwordReset', { name: props.user.name }));
      props.onClose();
    },
    onError: (error) => setUnplaced(applyFieldErrors(form, error)),
  });
  return (
    <Modal opened onClose={props.onClose} title={t('users.resetTitle')}>
      <form noValidate onSubmit={form.onSubmit((v) => reset.mutate(v.password))}>
        <Stack>
          <Text size="sm">{t('users.resetText', { name: props.user.name, email: props.user.email })}</Text>
          <FormErrorAlert error={reset.error} unplaced={unplaced} />
          <PasswordField
            label={t('users.newPassword')}
            description={t('password.rule')}
            autoComplete="new-password"
            withAsterisk
            data-autofocus
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
