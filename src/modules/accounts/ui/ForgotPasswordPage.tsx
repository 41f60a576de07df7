import { Alert, Anchor, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { PasswordResetRequestSchema } from '../contract';
import { requestPasswordReset } from './api';
import { PublicCard } from './PublicCard';

/**
 * "¿Olvidó su contraseña?": asks for the address and always says the same, whether or not it has an
 * account (ADR 0027); the link arrives by e-mail if it does.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('passwordReset.forgotTitle')} · Vincula`);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const f = useSaveForm({
    initialValues: { email: '' },
    schema: PasswordResetRequestSchema,
    toInput: (v) => ({ email: v.email.trim() }),
    save: (input) => requestPasswordReset(input.email),
    onSaved: (_, values) => setSentTo(values.email.trim()),
  });

  return (
    <PublicCard>
      <Stack>
        <Title order={2} size="h3">
          {t('passwordReset.forgotTitle')}
        </Title>
        {sentTo ? (
          <Alert color="teal" icon={<IconMailCheck aria-hidden />} role="status">
            {t('passwordReset.sent', { email: sentTo })}
          </Alert>
        ) : (
          <FormBody form={f} submitLabel={t('passwordReset.send')} buttons="full">
            <Text size="sm">{t('passwordReset.forgotIntro')}</Text>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              withAsterisk
              data-autofocus
              {...f.form.getInputProps('email')}
            />
          </FormBody>
        )}
        <Anchor component={Link} to="/iniciar-sesion" size="sm">
          {t('passwordReset.backToSignIn')}
        </Anchor>
      </Stack>
    </PublicCard>
  );
}
