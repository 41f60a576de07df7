import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { ChangePasswordInputSchema } from '../contract';
import { changePassword } from './api';
import { MySessions } from './MySessions';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    schema: ChangePasswordInputSchema,
    // The confirmation is the browser's concern only: the server receives one new password.
    validate: {
      confirmation: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
    toInput: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    save: changePassword,
    // The other sessions just ended.
    invalidate: [['my-sessions']],
    saved: () => t('password.changed'),
    resetOnSave: true,
    // A wrong current password belongs next to that field, not in a general alert.
    codeFields: { WRONG_PASSWORD: 'currentPassword' },
  });

  return (
    <>
      <PageHeader title={t('password.title')} description={t('password.description')} />
      <Paper withBorder p="xl" maw={520}>
        <FormBody form={f} submitLabel={t('password.submit')} buttons="start">
          <PasswordField
            label={t('password.current')}
            autoComplete="current-password"
            withAsterisk
            {...f.form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('password.new')}
            description={t('password.rule')}
            autoComplete="new-password"
            withAsterisk
            {...f.form.getInputProps('newPassword')}
          />
          <PasswordField
            label={t('password.confirm')}
            autoComplete="new-password"
            withAsterisk
            {...f.form.getInputProps('confirmation')}
          />
          <Text size="xs" c="dimmed">
            {t('password.hint')}
          </Text>
        </FormBody>
      </Paper>
      <MySessions />
    </>
  );
}
