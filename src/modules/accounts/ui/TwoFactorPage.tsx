import {
  Alert,
  Badge,
  Button,
  Group,
  Image,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconPrinter, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { ME_QUERY_KEY, useMe } from '@/web/shared/session/session';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { PasswordField } from '@/web/shared/ui/PasswordField';
import { PasswordConfirmationSchema, TwoFactorCodeInputSchema } from '../two-factor-contract';
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from './api';

type Enrolment = { uri: string; secret: string; qrCode: string };

/**
 * The person's own second factor (ADR 0028): enrolment (password, QR code or the key by hand, a
 * first code, the recovery codes once), or turning it off when the role does not require it.
 */
export default function TwoFactorPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (!me) return null;

  return (
    <>
      <PageHeader title={t('twoFactor.title')} description={t('twoFactor.description')} />
      <Paper withBorder p="xl" maw={640}>
        {recoveryCodes ? (
          <RecoveryCodes codes={recoveryCodes} />
        ) : me.twoFactor.enabled ? (
          <Enabled required={me.twoFactor.required} />
        ) : (
          <Enrol required={me.twoFactor.required} onEnrolled={setRecoveryCodes} />
        )}
      </Paper>
    </>
  );
}

function Enrol({ required, onEnrolled }: { required: boolean; onEnrolled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const start = useSaveForm({
    initialValues: { password: '' },
    schema: PasswordConfirmationSchema,
    toInput: (v) => v,
    save: (input) => startTwoFactorEnrolment(input.password),
    resetOnSave: true,
    onSaved: setEnrolment,
  });
  const confirm = useSaveForm({
    initialValues: { code: '' },
    schema: TwoFactorCodeInputSchema,
    toInput: (v) => v,
    save: (input) => confirmTwoFactorEnrolment(input.code),
    // The session was renewed with the second factor on: the frame lets the person go anywhere.
    invalidate: [ME_QUERY_KEY],
    clearOnRefusal: ['code'],
    onSaved: ({ recoveryCodes }) => onEnrolled(recoveryCodes),
  });

  if (!enrolment) {
    return (
      <FormBody form={start} submitLabel={t('twoFactor.start')} buttons="start">
        {required && (
          <Alert color="yellow" icon={<IconShieldLock aria-hidden />} title={t('twoFactor.requiredTitle')}>
            {t('twoFactor.requiredText')}
          </Alert>
        )}
        <Text size="sm">{t('twoFactor.intro')}</Text>
        <PasswordField
          label={t('twoFactor.password')}
          autoComplete="current-password"
          withAsterisk
          {...start.form.getInputProps('password')}
        />
      </FormBody>
    );
  }

  return (
    <FormBody form={confirm} submitLabel={t('twoFactor.confirm')} buttons="start">
      <List type="ordered" spacing="xs" size="sm">
        <List.Item>{t('twoFactor.stepApp')}</List.Item>
        <List.Item>{t('twoFactor.stepScan')}</List.Item>
        <List.Item>{t('twoFactor.stepCode')}</List.Item>
      </List>
      <Image src={enrolment.qrCode} alt={t('twoFactor.qrAlt')} w={220} h={220} fit="contain" />
      <Stack gap={4}>
        <Text size="sm" id="two-factor-secret-label">
          {t('twoFactor.secretLabel')}
        </Text>
        <Text
          aria-labelledby="two-factor-secret-label"
          data-testid="two-factor-secret"
          ff="monospace"
          fz="lg"
          style={{ wordBreak: 'break-all' }}
        >
          {enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}
        </Text>
      </Stack>
      <TextInput
        label={t('twoFactor.code')}
        autoComplete="one-time-code"
        inputMode="numeric"
        withAsterisk
        maw={220}
        {...confirm.form.getInputProps('code')}
      />
    </FormBody>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const download = () => {
    const text = `${t('twoFactor.fileHeading')}\n\n${codes.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'vincula-codigos-de-recuperacion.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('twoFactor.codesTitle')}
      </Title>
      <Alert color="yellow">{t('twoFactor.codesText')}</Alert>
      <SimpleGrid
        cols={{ base: 1, xs: 2 }}
        spacing={4}
        data-testid="recovery-codes"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {codes.map((code) => (
          <Text component="li" key={code} ff="monospace" fz="lg">
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          {t('twoFactor.download')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => window.print()}
        >
          {t('twoFactor.print')}
        </Button>
        <Button onClick={() => void navigate('/', { state: { focusHeading: true } })}>
          {t('twoFactor.done')}
        </Button>
      </Group>
    </Stack>
  );
}

function Enabled({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const disable = useSaveForm({
    initialValues: { password: '' },
    schema: PasswordConfirmationSchema,
    toInput: (v) => v,
    save: (input) => disableTwoFactor(input.password),
    invalidate: [ME_QUERY_KEY],
    saved: () => t('twoFactor.disabled'),
  });
  return (
    <Stack>
      <Group gap="xs">
        <Badge color="teal" variant="light" tt="none" size="lg">
          {t('twoFactor.on')}
        </Badge>
      </Group>
      <Text size="sm">{required ? t('twoFactor.onRequired') : t('twoFactor.onText')}</Text>
      {!required && (
        <FormBody form={disable} submitLabel={t('twoFactor.disable')} submitColor="red.9" buttons="start">
          <PasswordField
            label={t('twoFactor.password')}
            autoComplete="current-password"
            withAsterisk
            {...disable.form.getInputProps('password')}
          />
        </FormBody>
      )}
    </Stack>
  );
}
