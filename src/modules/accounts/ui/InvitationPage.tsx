import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
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
import { AcceptInvitationInputSchema } from '../contract';
import { acceptInvitation, readInvitation } from './api';
import { PublicCard } from './PublicCard';
import { submitWhenConfirmed } from './submit-when-confirmed';

/** The page an invitation e-mail links to: the invited person sets their password, once. */
export default function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('invitation.title')} · Vincula`);
  const token = useParams().token ?? '';
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => readInvitation(token) });
  const [done, setDone] = useState(false);
  const f = useSaveForm({
    initialValues: { password: '', confirm: '' },
    schema: AcceptInvitationInputSchema,
    toInput: (v) => ({ password: v.password }),
    save: (input) => acceptInvitation(token, input.password),
    onSaved: () => setDone(true),
  });
  const data = invitation.data;

  return (
    <PublicCard>
      <Stack>
        <Title order={2} size="h3">
          {t('invitation.title')}
        </Title>
        {invitation.isPending && <Loader aria-label={t('common.loading')} />}
        {invitation.isError && (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
            title={t('invitation.unusable')}
          >
            {errorText(invitation.error, t)}
          </Alert>
        )}
        {done && (
          <>
            <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
              {t('invitation.done')}
            </Alert>
            <Button component={Link} to="/iniciar-sesion">
              {t('invitation.signIn')}
            </Button>
          </>
        )}
        {data && !done && (
          <form noValidate onSubmit={submitWhenConfirmed(f, t)}>
            <Stack>
              <Text size="sm">
                {t('invitation.intro', {
                  name: data.name,
                  organization: data.organization.name,
                  acronym: data.organization.acronym,
                  email: data.email,
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('invitation.expires', { date: formatDateTime(data.expiresAt) })}
              </Text>
              <FormErrorAlert error={f.error} unplaced={f.unplaced} />
              <PasswordField
                label={t('invitation.password')}
                description={t('password.rule')}
                autoComplete="new-password"
                withAsterisk
                data-autofocus
                {...f.form.getInputProps('password')}
              />
              <PasswordField
                label={t('invitation.confirm')}
                autoComplete="new-password"
                withAsterisk
                {...f.form.getInputProps('confirm')}
              />
              <Button type="submit" loading={f.mutation.isPending} fullWidth>
                {t('invitation.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicCard>
  );
}
