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
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconPrinter, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FieldProblem } from '@/shared/errors';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { ME_QUERY_KEY, useMe } from '@/web/shared/session/session';
import { notifySuccess } from '@/web/shared/ui/errors';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { PasswordField } from '@/web/shared/ui/PasswordField';
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
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const passwordForm = useForm({ initialValues: { password: '' } });
  const codeForm = useForm({ initialValues: { code: '' } });

  const start = useMutation({
    mutationFn: (password: string) => startTwoFactorEnrolment(password),
    onSuccess: (started) => {
      passwordForm.reset();
      setEnrolment(started);
    },
    onError: (error) => setUnplaced(applyFieldErrors(passwordForm, error)),
  });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTwoFactorEnrolment(code),
    onSuccess: ({ recoveryCodes }) => {
      onEnrolled(recoveryCodes);
      // The session was renewed with the second factor on: the frame lets the person go anywhere.
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
    onError: (error) => {
      codeForm.setFieldValue('code', '');
      setUnplaced(applyFieldErrors(codeForm, error));
    },
  });

  if (!enrolment) {
    return (
      <form
        noValidate
        onSubmit={passwordForm.onSubmit(({ password }) => {
          setUnplaced([]);
          start.mutate(password);
        })}
      >
        <Stack>
          {required && (
            <Alert color="yellow" icon={<IconShieldLock aria-hidden />} title={t('twoFactor.requiredTitle')}>
              {t('twoFactor.requiredText')}
            </Alert>
          )}
          <Text size="sm">{t('twoFactor.intro')}</Text>
          <FormErrorAlert error={start.error} unplaced={unplaced} />
          <PasswordField
            label={t('twoFactor.password')}
            autoComplete="current-password"
            withAsterisk
            {...passwordForm.getInputProps('password')}
          />
          <Button type="submit" loading={start.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('twoFactor.start')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form
      noValidate
      onSubmit={codeForm.onSubmit(({ code }) => {
        setUnplaced([]);
        confirm.mutate(code);
      })}
    >
      <Stack>
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
        <FormErrorAlert error={confirm.error} unplaced={unplaced} />
        <TextInput
          label={t('twoFactor.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          withAsterisk
          maw={220}
          {...codeForm.getInputProps('code')}
        />
        <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('twoFactor.confirm')}
        </Button>
      </Stack>
    </form>
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
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm({ initialValues: { password: '' } });
  const disable = useMutation({
    mutationFn: (password: string) => disableTwoFactor(password),
    onSuccess: () => {
      notifySuccess(t('twoFactor.disabled'));
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
    onError: (error) => setUnplaced(applyFieldErrors(form, error)),
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
        <form
          noValidate
          onSubmit={form.onSubmit(({ password }) => {
            setUnplaced([]);
            disable.mutate(password);
          })}
        >
          <Stack>
            <FormErrorAlert error={disable.error} unplaced={unplaced} />
            <PasswordField
              label={t('twoFactor.password')}
              autoComplete="current-password"
              withAsterisk
              {...form.getInputProps('password')}
            />
            <Button
              type="submit"
              color="red.9"
              variant="light"
              loading={disable.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('twoFactor.disable')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
