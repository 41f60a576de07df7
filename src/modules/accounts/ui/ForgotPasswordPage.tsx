import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldProblem } from '@/shared/errors';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { requestPasswordReset } from './api';
import { PublicCard } from './PublicCard';

/**
 * "¿Olvidó su contraseña?": asks for the address and always says the same, whether or not it has an
 * account (ADR 0027); the link arrives by e-mail if it does.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('passwordReset.forgotTitle')} · Vincula`);
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' } });
  const ask = useMutation({
    mutationFn: (email: string) => requestPasswordReset(email.trim()),
    onSuccess: (_, email) => setSentTo(email.trim()),
    onError: (error) => setUnplaced(applyFieldErrors(form, error)),
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
          <form
            noValidate
            onSubmit={form.onSubmit(({ email }) => {
              setUnplaced([]);
              ask.mutate(email);
            })}
          >
            <Stack>
              <Text size="sm">{t('passwordReset.forgotIntro')}</Text>
              <FormErrorAlert error={ask.error} unplaced={unplaced} />
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                withAsterisk
                data-autofocus
                {...form.getInputProps('email')}
              />
              <Button type="submit" loading={ask.isPending} fullWidth>
                {t('passwordReset.send')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/iniciar-sesion" size="sm">
          {t('passwordReset.backToSignIn')}
        </Anchor>
      </Stack>
    </PublicCard>
  );
}
