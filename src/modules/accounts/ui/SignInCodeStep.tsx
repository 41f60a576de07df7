import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '@/web/shared/api/client';
import { useSaveForm } from '@/web/shared/form/use-save-form';
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
  const f = useSaveForm({
    initialValues: { code: '' },
    // No schema: the contract (and zod) would double the sign-in page's download (issue 18's
    // budget); the server words its refusal with the same Spanish map, on the same fields.
    toInput: (v) => v,
    save: async (input) => {
      await verifySignInCode(input.code);
      return onDone();
    },
    clearOnRefusal: ['code'],
    onRefused: (error) => {
      if (error instanceof ApiRequestError && error.code === 'SIGN_IN_EXPIRED') {
        onExpired(error.message);
        return true;
      }
    },
  });
  // A wrong code is said next to the field; a refusal the field cannot show, above it.
  const placed = f.error instanceof ApiRequestError && f.error.fields.length > f.unplaced.length;
  const failure = f.error && !placed ? errorText(f.error, t) : null;

  return (
    <form noValidate onSubmit={f.submit}>
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
          {...f.form.getInputProps('code')}
        />
        <Button type="submit" loading={f.mutation.isPending} fullWidth mt="xs">
          {t('signIn.twoFactor.submit')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            f.reset();
          }}
        >
          {recovery ? t('signIn.twoFactor.useApp') : t('signIn.twoFactor.useRecovery')}
        </Anchor>
      </Stack>
    </form>
  );
}
