import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { todayInMexicoCity } from '@/shared/dates';
import { ARCO_KINDS, CHANNELS, type Consent } from '../contract';
import {
  createArcoRequest,
  eraseContact,
  exportContact,
  recordConsent,
  setOptOuts,
  useContact,
  useOutreachWrite,
  withdrawConsent,
} from './api';
import { ArcoTable } from './ArcoPage';

type Problems = { path: string; message: string }[];

function ConsentForm({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      purpose: '',
      givenOn: todayInMexicoCity(),
      source: '',
      privacyNoticeVersion: '',
      evidence: '',
    },
  });
  const [unplaced, setUnplaced] = useState<Problems>([]);
  const save = useOutreachWrite((v: typeof form.values) =>
    recordConsent(contactId, { ...v, evidence: v.evidence || null }),
  );
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) }),
      )}
    >
      <Stack>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <TextInput label={t('outreach.purpose')} required {...form.getInputProps('purpose')} />
        <DayInput label={t('outreach.givenOn')} required {...form.getInputProps('givenOn')} />
        <TextInput label={t('outreach.source')} required {...form.getInputProps('source')} />
        <TextInput
          label={t('outreach.privacyNoticeVersion')}
          required
          {...form.getInputProps('privacyNoticeVersion')}
        />
        <Textarea label={t('outreach.evidence')} {...form.getInputProps('evidence')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('outreach.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawForm({ consent, onClose }: { consent: Consent; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { withdrawnOn: todayInMexicoCity(), source: '' } });
  const [unplaced, setUnplaced] = useState<Problems>([]);
  const save = useOutreachWrite((v: typeof form.values) => withdrawConsent(consent.id, v));
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) }),
      )}
    >
      <Stack>
        <Text size="sm">{consent.purpose}</Text>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <DayInput label={t('outreach.withdrawnOn')} required {...form.getInputProps('withdrawnOn')} />
        <TextInput label={t('outreach.withdrawalSource')} required {...form.getInputProps('source')} />
        <Group justify="flex-end">
          <Button type="submit" color="red.9" loading={save.isPending}>
            {t('outreach.withdrawConsent')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ArcoForm({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { kind: 'access', receivedOn: todayInMexicoCity(), description: '' },
  });
  const [unplaced, setUnplaced] = useState<Problems>([]);
  const save = useOutreachWrite((v: typeof form.values) =>
    createArcoRequest({ ...v, contactId, description: v.description || null }),
  );
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) }),
      )}
    >
      <Stack>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <Select
          label={t('outreach.arcoKind')}
          data={ARCO_KINDS.map((k) => ({ value: k, label: t(`outreach.arcoKinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <DayInput label={t('outreach.receivedOn')} required {...form.getInputProps('receivedOn')} />
        <Textarea label={t('outreach.description')} {...form.getInputProps('description')} />
        <Text size="sm" c="dimmed">
          {t('outreach.arcoTermHint')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('outreach.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EraseForm({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' } });
  const [unplaced, setUnplaced] = useState<Problems>([]);
  const save = useOutreachWrite((v: typeof form.values) => eraseContact(contactId, v));
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(v, { onSuccess: onClose, onError: (e) => setUnplaced(applyFieldErrors(form, e)) }),
      )}
    >
      <Stack>
        <Text size="sm">{t('outreach.eraseWarning')}</Text>
        <FormErrorAlert error={save.error} unplaced={unplaced} />
        <TextInput label={t('outreach.eraseReason')} required {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" color="red.9" loading={save.isPending}>
            {t('outreach.erase')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canWrite = useCan('outreach.write');
  const canPrivacy = useCan('outreach.privacy');
  const contact = useContact(id);
  const [modal, setModal] = useState<'consent' | 'arco' | 'erase' | Consent | null>(null);
  const optOuts = useOutreachWrite((v: Record<(typeof CHANNELS)[number], boolean>) => setOptOuts(id, v));
  if (contact.isError) return <QueryError error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contact.data;
  if (!c) return null;
  const erased = !!c.erasedAt;
  const optedOut = new Set(c.optedOut);
  return (
    <>
      <PageHeader
        title={c.fullName ?? t('outreach.erased')}
        description={
          erased
            ? t('outreach.erasedOn', { date: c.erasedAt!.slice(0, 10) })
            : t(`outreach.contactKinds.${c.kind}`)
        }
        actions={
          canPrivacy && (
            <>
              <Button variant="default" onClick={() => void exportContact(id, 'json')}>
                {t('outreach.exportJson')}
              </Button>
              <Button variant="default" onClick={() => void exportContact(id, 'xlsx')}>
                {t('outreach.exportXlsx')}
              </Button>
              {!erased && (
                <Button color="red.9" onClick={() => setModal('erase')}>
                  {t('outreach.erase')}
                </Button>
              )}
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('outreach.data')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              {t('outreach.email')}: {c.email ?? '—'}{' '}
              {c.emailInvalid && (
                <Badge color="red.9" variant="outline" tt="none">
                  {t('outreach.emailInvalid')}
                </Badge>
              )}
            </Text>
            <Text size="sm">
              {t('outreach.phone')}: {c.phone ?? '—'}
            </Text>
            <Text size="sm">
              {t('outreach.country')}: {c.country ?? '—'} · {t('outreach.city')}: {c.city ?? '—'}
            </Text>
            <Text size="sm">
              {t('outreach.affiliation')}: {c.affiliation ?? '—'}
            </Text>
            <Text size="sm">
              {t('outreach.tags')}: {c.tags.join(', ') || '—'}
            </Text>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('outreach.optOuts')}
          </Title>
          <Stack gap="xs">
            {CHANNELS.map((ch) => (
              <Switch
                key={ch}
                label={t('outreach.optOutOf', { channel: t(`outreach.channels.${ch}`) })}
                checked={optedOut.has(ch)}
                disabled={!canWrite || erased || optOuts.isPending}
                onChange={(e) =>
                  optOuts.mutate({
                    email: optedOut.has('email'),
                    whatsapp: optedOut.has('whatsapp'),
                    phone: optedOut.has('phone'),
                    [ch]: e.currentTarget.checked,
                  })
                }
              />
            ))}
            <FormErrorAlert error={optOuts.error} />
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" mb="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('outreach.consents')}
          </Title>
          {canWrite && !erased && (
            <Button size="xs" onClick={() => setModal('consent')}>
              {t('outreach.recordConsent')}
            </Button>
          )}
        </Group>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outreach.purpose')}</Table.Th>
              <Table.Th>{t('outreach.givenOn')}</Table.Th>
              <Table.Th>{t('outreach.source')}</Table.Th>
              <Table.Th>{t('outreach.privacyNoticeVersion')}</Table.Th>
              <Table.Th>{t('outreach.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.consents.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.purpose}</Table.Td>
                <Table.Td>{k.givenOn}</Table.Td>
                <Table.Td>{k.source}</Table.Td>
                <Table.Td>{k.privacyNoticeVersion}</Table.Td>
                <Table.Td>
                  <Badge color={k.withdrawnOn ? 'gray' : 'teal.9'} variant="light" tt="none">
                    {k.withdrawnOn
                      ? t('outreach.withdrawnOnDate', { date: k.withdrawnOn })
                      : t('outreach.consentActive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {canWrite && !k.withdrawnOn && !erased && (
                    <Button size="xs" variant="outline" color="red.9" onClick={() => setModal(k)}>
                      {t('outreach.withdrawConsent')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {canPrivacy && (
        <Paper withBorder p="md" mb="lg">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('outreach.arcoRequests')}
            </Title>
            {!erased && (
              <Button size="xs" onClick={() => setModal('arco')}>
                {t('outreach.newArco')}
              </Button>
            )}
          </Group>
          <ArcoTable requests={c.arcoRequests} />
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('outreach.history')}
        </Title>
        <Table>
          <Table.Tbody>
            {c.history.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td>{h.topic}</Table.Td>
                <Table.Td>{t(`outreach.channels.${h.channel}`)}</Table.Td>
                <Table.Td>{h.status}</Table.Td>
                <Table.Td>{h.at?.slice(0, 10) ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal opened={modal === 'consent'} onClose={() => setModal(null)} title={t('outreach.recordConsent')}>
        <ConsentForm contactId={id} onClose={() => setModal(null)} />
      </Modal>
      <Modal
        opened={typeof modal === 'object' && modal !== null}
        onClose={() => setModal(null)}
        title={t('outreach.withdrawConsent')}
      >
        {typeof modal === 'object' && modal && (
          <WithdrawForm consent={modal} onClose={() => setModal(null)} />
        )}
      </Modal>
      <Modal opened={modal === 'arco'} onClose={() => setModal(null)} title={t('outreach.newArco')}>
        <ArcoForm contactId={id} onClose={() => setModal(null)} />
      </Modal>
      <Modal opened={modal === 'erase'} onClose={() => setModal(null)} title={t('outreach.erase')}>
        <EraseForm contactId={id} onClose={() => setModal(null)} />
      </Modal>
    </>
  );
}
