import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '@/web/shared/api/client';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { errorText } from '@/web/shared/ui/errors';
import { verifySignInCode } from './api';

/**
 * The second step of signing in (ADR 0028): the authenticator app's code, or a recovery code.
 * `onDone` runs once the session is open; `onExpired` goes back to the password (ten minutes, or
 * too many wrong codes, end the pending sign-in).
 */
export function SignInCodeStep({
  onDone,
  onExpired,
}: {
  onDone: () => Promise<unknown>;
  onExpired: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: '' } });
  const verify = useMutation({
    mutationFn: async (code: string) => {
      await verifySignInCode(code);
      return onDone();
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.code === 'SIGN_IN_EXPIRED') {
        onExpired(error.message);
        return;
      }
      // Emptied first: a new value would clear the error placed on the field.
      form.setFieldValue('code', '');
      const unplaced = applyFieldErrors(form, error);
      const placed = error instanceof ApiRequestError && error.fields.length > unplaced.length;
      setFailure(placed ? null : errorText(error, t));
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ code }) => {
        setFailure(null);
        verify.mutate(code);
      })}
    >
      <Stack>
        <Title order={2} size="h3">
          {t('signIn.twoFactor.title')}
        </Title>
        <Text size="sm">{recovery ? t('signIn.twoFactor.recoveryHelp') : t('signIn.twoFactor.help')}</Text>
        {failure && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={recovery ? t('signIn.twoFactor.recoveryCode') : t('signIn.twoFactor.code')}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          withAsterisk
          data-autofocus
          autoFocus
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={verify.isPending} fullWidth mt="xs">
          {t('signIn.twoFactor.submit')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            setFailure(null);
            form.reset();
          }}
        >
          {recovery ? t('signIn.twoFactor.useApp') : t('signIn.twoFactor.useRecovery')}
        </Anchor>
      </Stack>
    </form>
  );
}
