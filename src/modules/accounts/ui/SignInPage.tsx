import { Alert, Anchor, Box, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeRedirectPath } from '@/web/shared/lib/safe-redirect';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { ApiRequestError } from '@/web/shared/api/client';
import { signIn as startSession } from './api';
import { SignInCodeStep } from './SignInCodeStep';
import { ssoStartHref, useSignInOptions } from './sso-api';
import { ME_QUERY_KEY, fetchMe, useMe } from '@/web/shared/session/session';
import { errorText } from '@/web/shared/ui/errors';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { requestHeadingFocus } from '@/web/shared/ui/focus';

/** Only paths inside the app are followed after signing in. */

export default function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('signIn.title')} · Vincula`);
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  // A refused sign-in through a provider comes back here with its reason (ADR 0034): the options
  // bring its words, shown until the person tries again.
  const options = useSignInOptions(params.get('sso'));
  const providers = options.data?.providers ?? [];
  // After a right password, accounts with a second factor are asked for a code (ADR 0028).
  const [askCode, setAskCode] = useState(false);
  const form = useForm({ initialValues: { email: '', password: '' } });

  const signIn = useMutation({
    mutationFn: async (values: typeof form.values | 'second factor') => {
      if (values !== 'second factor') await startSession(values);
      // The first page's heading takes focus, as after any navigation. Asked here: the page may
      // already show (the session query sees the new cookie) before onSuccess runs.
      requestHeadingFocus();
      return fetchMe();
    },
    onSuccess: (user) => {
      queryClient.setQueryData(ME_QUERY_KEY, user);
      void navigate(safeRedirectPath(params.get('siguiente')), {
        replace: true,
        state: { focusHeading: true },
      });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.code === 'TWO_FACTOR_REQUIRED') {
        form.setFieldValue('password', '');
        setAskCode(true);
        return;
      }
      applyFieldErrors(form, error);
      setFailure(errorText(error, t));
      form.setFieldValue('password', '');
    },
  });

  const shown = failure ?? (signIn.isIdle ? (options.data?.refusal ?? null) : null);

  if (me.data) return <Navigate to={safeRedirectPath(params.get('siguiente'))} replace />;

  return (
    <Box
      component="main"
      mih="100vh"
      style={{
        background:
          'linear-gradient(180deg, var(--mantine-color-guinda-8) 0, var(--mantine-color-guinda-8) 45vh, var(--mantine-color-gray-1) 45vh)',
      }}
    >
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={2} c="white">
            <Title order={1} fz={36}>
              Vincula
            </Title>
            <Text>{t('signIn.tagline')}</Text>
          </Stack>
          <Paper withBorder shadow="md" p="xl" radius="md">
            {askCode && (
              <SignInCodeStep
                onDone={() => signIn.mutateAsync('second factor')}
                onExpired={(message) => {
                  setAskCode(false);
                  setFailure(message);
                }}
              />
            )}
            <form
              hidden={askCode}
              noValidate
              onSubmit={form.onSubmit((values) => {
                setFailure(null);
                signIn.mutate(values);
              })}
            >
              <Stack>
                <Title order={2} size="h3">
                  {t('signIn.title')}
                </Title>
                {shown && (
                  <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                    {shown}
                  </Alert>
                )}
                {providers.length > 0 && (
                  <>
                    {providers.map((p) => (
                      <Button key={p.id} component="a" href={ssoStartHref(p.id)} variant="default" fullWidth>
                        {t('signIn.sso.with', { label: p.label })}
                      </Button>
                    ))}
                    <Text size="sm" c="dimmed" ta="center">
                      {t('signIn.sso.or')}
                    </Text>
                  </>
                )}
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  autoComplete="username"
                  withAsterisk
                  {...form.getInputProps('email')}
                />
                <PasswordField
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  withAsterisk
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
                  {t('signIn.submit')}
                </Button>
                <Anchor component={Link} to="/recuperar-contrasena" size="sm">
                  {t('signIn.forgot')}
                </Anchor>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
