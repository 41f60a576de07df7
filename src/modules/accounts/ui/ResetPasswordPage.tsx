import { Alert, Anchor, Button, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDateTime } from '@/web/shared/lib/format';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { errorText } from '@/web/shared/ui/errors';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { ResetPasswordInputSchema } from '../contract';
import { readResetLink, resetPassword } from './api';
import { PublicCard } from './PublicCard';
import { submitWhenConfirmed } from './submit-when-confirmed';

/** The page a reset e-mail links to: a new password, once; every open session then ends. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('passwordReset.title')} · Vincula`);
  const token = useParams().token ?? '';
  const link = useQuery({
    queryKey: ['reset-link', token],
    queryFn: () => readResetLink(token),
    retry: false,
  });
  const [done, setDone] = useState(false);
  const f = useSaveForm({
    initialValues: { password: '', confirm: '' },
    schema: ResetPasswordInputSchema,
    toInput: (v) => ({ password: v.password }),
    save: (input) => resetPassword(token, input.password),
    onSaved: () => setDone(true),
  });
  const data = link.data;

  return (
    <PublicCard>
      <Stack>
        <Title order={2} size="h3">
          {t('passwordReset.title')}
        </Title>
        {link.isPending && <Loader aria-label={t('common.loading')} />}
        {link.isError && (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
            title={t('passwordReset.unusable')}
          >
            {errorText(link.error, t)}
          </Alert>
        )}
        {done && (
          <>
            <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
              {t('passwordReset.done')}
            </Alert>
            <Button component={Link} to="/iniciar-sesion">
              {t('invitation.signIn')}
            </Button>
          </>
        )}
        {data && !done && (
          <form noValidate onSubmit={submitWhenConfirmed(f, t)}>
            <Stack>
              <Text size="sm">{t('passwordReset.intro', { email: data.email })}</Text>
              <Text size="xs" c="dimmed">
                {t('passwordReset.expires', { date: formatDateTime(data.expiresAt) })}
              </Text>
              {/* For password managers: the account the new password belongs to. */}
              <TextInput label={t('signIn.email')} value={data.email} autoComplete="username" readOnly />
              <FormErrorAlert error={f.error} unplaced={f.unplaced} />
              <PasswordField
                label={t('password.new')}
                description={t('passwordReset.rule')}
                autoComplete="new-password"
                withAsterisk
                data-autofocus
                {...f.form.getInputProps('password')}
              />
              <PasswordField
                label={t('password.confirm')}
                autoComplete="new-password"
                withAsterisk
                {...f.form.getInputProps('confirm')}
              />
              <Button type="submit" loading={f.mutation.isPending} fullWidth>
                {t('passwordReset.submit')}
              </Button>
            </Stack>
          </form>
        )}
        {!done && (
          <Anchor component={Link} to="/recuperar-contrasena" size="sm">
            {t('passwordReset.askAgain')}
          </Anchor>
        )}
      </Stack>
    </PublicCard>
  );
}
