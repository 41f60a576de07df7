import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { UpdateUserInputSchema, type User } from '../contract';
import { updateUser } from './api';

/** An administrator sets a new password for a user who lost theirs. */
export function ResetPasswordModal(props: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { password: '' },
    schema: UpdateUserInputSchema,
    toInput: (v) => ({ password: v.password }),
    save: (input) => updateUser(props.user.id, input),
    saved: () => t('users.passwordReset', { name: props.user.name }),
    onSaved: props.onClose,
  });
  return (
    <FormModal
      form={f}
      title={t('users.resetTitle')}
      submitLabel={t('users.resetSubmit')}
      onClose={props.onClose}
      size="md"
    >
      <Text size="sm">{t('users.resetText', { name: props.user.name, email: props.user.email })}</Text>
      <PasswordField
        label={t('users.newPassword')}
        description={t('password.rule')}
        autoComplete="new-password"
        withAsterisk
        data-autofocus
        {...f.form.getInputProps('password')}
      />
    </FormModal>
  );
}
