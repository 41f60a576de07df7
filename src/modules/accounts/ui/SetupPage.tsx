import { Alert, Button, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { errorText } from '@/web/shared/ui/errors';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { FirstOperatorInputSchema } from '../contract';
import { checkSetupLink, completeSetup } from './api';
import { PublicCard } from './PublicCard';
import { submitWhenConfirmed } from './submit-when-confirmed';

/**
 * The one-time setup link the server prints on a new installation: whoever opens it creates the
 * first operator's account. A used link, or one opened once an operator exists, says why it
 * no longer works.
 */
export default function SetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('setup.title')} · Vincula`);
  const token = useParams().token ?? '';
  const link = useQuery({ queryKey: ['setup-link', token], queryFn: () => checkSetupLink(token) });
  const [done, setDone] = useState(false);
  const f = useSaveForm({
    initialValues: { name: '', email: '', password: '', confirm: '' },
    schema: FirstOperatorInputSchema,
    toInput: (v) => ({ name: v.name, email: v.email, password: v.password }),
    save: (input) => completeSetup(token, input),
    onSaved: () => setDone(true),
  });

  return (
    <PublicCard>
      <Stack>
        <Title order={2} size="h3">
          {t('setup.title')}
        </Title>
        {link.isPending && <Loader aria-label={t('setup.checking')} />}
        {link.isError && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title={t('setup.unusable')}>
            {errorText(link.error, t)}
          </Alert>
        )}
        {done && (
          <>
            <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
              {t('setup.done')}
            </Alert>
            <Button component={Link} to="/iniciar-sesion">
              {t('setup.signIn')}
            </Button>
          </>
        )}
        {link.isSuccess && !done && (
          <form noValidate onSubmit={submitWhenConfirmed(f, t)}>
            <Stack>
              <Text size="sm">{t('setup.intro')}</Text>
              <FormErrorAlert error={f.error} unplaced={f.unplaced} />
              <TextInput label={t('setup.name')} withAsterisk autoComplete="name" {...f.text('name')} />
              <TextInput
                label={t('setup.email')}
                type="email"
                withAsterisk
                autoComplete="username"
                {...f.form.getInputProps('email')}
              />
              <PasswordField
                label={t('setup.password')}
                description={t('password.rule')}
                autoComplete="new-password"
                withAsterisk
                {...f.form.getInputProps('password')}
              />
              <PasswordField
                label={t('setup.confirm')}
                autoComplete="new-password"
                withAsterisk
                {...f.form.getInputProps('confirm')}
              />
              <Button type="submit" loading={f.mutation.isPending} fullWidth>
                {t('setup.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicCard>
  );
}
