import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeRedirectPath } from '@/web/shared/lib/safe-redirect';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { ApiRequestError } from '@/web/shared/api/client';
import { signIn as startSession } from './api';
import { PublicCard } from './PublicCard';
import { SignInCodeStep } from './SignInCodeStep';
import { ssoStartHref, useSignInOptions } from './sso-api';
import { ME_QUERY_KEY, fetchMe, useMe } from '@/web/shared/session/session';
import { errorText } from '@/web/shared/ui/errors';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { requestHeadingFocus } from '@/web/shared/ui/focus';

/**
 * E-mail and password (then the second factor's code, when the account has one), or the
 * organization's provider; only paths inside the app are followed after signing in.
 */
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

  /** The session is open: the person goes where they were going. */
  const enter = async () => {
    // The first page's heading takes focus, as after any navigation. Asked here: the page may
    // already show (the session query sees the new cookie) before the user is read.
    requestHeadingFocus();
    const user = await fetchMe();
    queryClient.setQueryData(ME_QUERY_KEY, user);
    void navigate(safeRedirectPath(params.get('siguiente')), {
      replace: true,
      state: { focusHeading: true },
    });
  };
  const f = useSaveForm({
    initialValues: { email: '', password: '' },
    // No schema: the contract (and zod) would double the sign-in page's download (issue 18's
    // budget); the server words its refusal with the same Spanish map, on the same fields.
    toInput: (v) => v,
    save: async (input) => {
      await startSession(input);
      await enter();
    },
    clearOnRefusal: ['password'],
    onRefused: (error) => {
      if (error instanceof ApiRequestError && error.code === 'TWO_FACTOR_REQUIRED') {
        setAskCode(true);
        return true;
      }
    },
  });

  // A refusal is said above the form in the API's words (a wrong password names no field).
  const shown = f.error
    ? errorText(f.error, t)
    : (failure ?? (f.mutation.isIdle ? (options.data?.refusal ?? null) : null));

  if (me.data) return <Navigate to={safeRedirectPath(params.get('siguiente'))} replace />;

  return (
    <PublicCard width={420}>
      {askCode && (
        <SignInCodeStep
          onDone={enter}
          onExpired={(message) => {
            setAskCode(false);
            setFailure(message);
          }}
        />
      )}
      <form
        hidden={askCode}
        noValidate
        onSubmit={(event) => {
          setFailure(null);
          f.submit(event);
        }}
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
            {...f.form.getInputProps('email')}
          />
          <PasswordField
            label={t('signIn.password')}
            autoComplete="current-password"
            withAsterisk
            {...f.form.getInputProps('password')}
          />
          <Button type="submit" loading={f.mutation.isPending} fullWidth mt="xs">
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to="/recuperar-contrasena" size="sm">
            {t('signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </PublicCard>
  );
}
