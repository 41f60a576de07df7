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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { todayInMexicoCity } from '@/shared/calendar';
import {
  ARCO_KINDS,
  ArcoInputSchema,
  CHANNELS,
  ConsentInputSchema,
  EraseInputSchema,
  WithdrawConsentInputSchema,
  type Consent,
} from '../contract';
import {
  OUTREACH_KEY,
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
import outreachStrings from 'virtual:lazy-strings/outreach';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(outreachStrings);

function ConsentForm({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      purpose: '',
      givenOn: todayInMexicoCity() as string | null,
      source: '',
      privacyNoticeVersion: '',
      evidence: '',
    },
    schema: ConsentInputSchema,
    toInput: (v) => ({ ...v, evidence: v.evidence || null }),
    save: (input) => recordConsent(contactId, input),
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.save')} onCancel={onClose}>
      <TextInput label={t('outreach.purpose')} required {...f.text('purpose')} />
      <DayInput label={t('outreach.givenOn')} required {...f.form.getInputProps('givenOn')} />
      <TextInput label={t('outreach.source')} required {...f.text('source')} />
      <TextInput label={t('outreach.privacyNoticeVersion')} required {...f.text('privacyNoticeVersion')} />
      <Textarea label={t('outreach.evidence')} {...f.text('evidence')} />
    </FormBody>
  );
}

function WithdrawForm({ consent, onClose }: { consent: Consent; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { withdrawnOn: todayInMexicoCity() as string | null, source: '' },
    schema: WithdrawConsentInputSchema,
    toInput: (v) => v,
    save: (input) => withdrawConsent(consent.id, input),
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.withdrawConsent')} submitColor="red.9" onCancel={onClose}>
      <Text size="sm">{consent.purpose}</Text>
      <DayInput label={t('outreach.withdrawnOn')} required {...f.form.getInputProps('withdrawnOn')} />
      <TextInput label={t('outreach.withdrawalSource')} required {...f.text('source')} />
    </FormBody>
  );
}

function ArcoForm({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { kind: 'access', receivedOn: todayInMexicoCity() as string | null, description: '' },
    schema: ArcoInputSchema,
    toInput: (v) => ({ ...v, contactId, description: v.description || null }),
    save: createArcoRequest,
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.save')} onCancel={onClose}>
      <Select
        label={t('outreach.arcoKind')}
        data={ARCO_KINDS.map((k) => ({ value: k, label: t(`outreach.arcoKinds.${k}`) }))}
        allowDeselect={false}
        {...f.form.getInputProps('kind')}
      />
      <DayInput label={t('outreach.receivedOn')} required {...f.form.getInputProps('receivedOn')} />
      <Textarea label={t('outreach.description')} {...f.text('description')} />
      <Text size="sm" c="dimmed">
        {t('outreach.arcoTermHint')}
      </Text>
    </FormBody>
  );
}

function EraseForm({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { reason: '' },
    schema: EraseInputSchema,
    toInput: (v) => v,
    save: (input) => eraseContact(contactId, input),
    invalidate: [OUTREACH_KEY],
    onSaved: onClose,
  });
  return (
    <FormBody form={f} submitLabel={t('outreach.erase')} submitColor="red.9" onCancel={onClose}>
      <Text size="sm">{t('outreach.eraseWarning')}</Text>
      <TextInput label={t('outreach.eraseReason')} required {...f.text('reason')} />
    </FormBody>
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
