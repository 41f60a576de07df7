import {
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StatusChangeInputSchema, type InstrumentDetail, type InstrumentStatus } from '../contract';
import { ALLOWED_TRANSITIONS } from '../contract-status';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { SentAlerts } from './AlertsPage';
import { CommitmentFollowUp, CommitmentForm, FileUpload, RenewalSection } from './InstrumentWork';
import { AGREEMENTS_KEY, changeInstrumentStatus, instrumentFileUrl, useInstrument } from './api';
import { StatusBadge } from './StatusBadge';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

export default function InstrumentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const instrument = useInstrument(id);
  const canWrite = useCan('agreements.write');
  if (instrument.isError)
    return <QueryError error={instrument.error} onRetry={() => void instrument.refetch()} />;
  const i = instrument.data;
  if (!i) return null;
  return (
    <>
      <PageHeader
        title={i.title}
        description={i.typeName}
        above={
          <Anchor component={Link} to="/convenios/instrumentos" size="sm">
            {t('agreements.instruments.back')}
          </Anchor>
        }
        actions={<StatusBadge status={i.status} />}
      />
      <Stack gap="md">
        {i.chain.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('agreements.detail.chain')}
            </Title>
            <List size="sm">
              {i.chain.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/convenios/instrumentos/${c.id}`}>
                    {c.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Field label={t('agreements.instruments.parties')}>
              {[
                ...(i.organizationIsParty ? [t('agreements.detail.ownOrganization')] : []),
                ...i.parties.map((p) => p.name),
              ].join('; ')}
            </Field>
            <Field label={t('agreements.instruments.areas')}>{i.areas.map((a) => a.name).join('; ')}</Field>
            <Field label={t('agreements.detail.object')}>{i.object ?? '—'}</Field>
            <Field label={t('agreements.instruments.signedOn')}>
              {i.signedOn ? formatDay(i.signedOn) : '—'}
            </Field>
            <Field label={t('agreements.detail.validity')}>
              {t(`agreements.validity.${i.validityKind}`)}
              {i.validFrom ? ` · ${t('agreements.detail.from')} ${formatDay(i.validFrom)}` : ''}
              {i.effectiveEnd ? ` · ${t('agreements.detail.until')} ${formatDay(i.effectiveEnd)}` : ''}
            </Field>
            <Field label={t('agreements.detail.renewalTerms')}>{i.renewalTerms ?? '—'}</Field>
            <Field label={t('agreements.alerts.next')}>
              {i.nextAlertOn ? formatDay(i.nextAlertOn) : t('agreements.alerts.noNext')}
            </Field>
          </SimpleGrid>
        </Paper>
        <StatusSection instrument={i} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('agreements.work.renewals')}
          </Title>
          <RenewalSection instrument={i} canWrite={canWrite} />
        </Paper>
        <SentAlerts instrumentId={i.id} />
        {i.children.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('agreements.detail.children')}
            </Title>
            <List size="sm">
              {i.children.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/convenios/instrumentos/${c.id}`}>
                    {c.title}
                  </Anchor>{' '}
                  <StatusBadge status={c.status} />
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('agreements.detail.commitments')}
          </Title>
          {i.commitments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('agreements.detail.noCommitments')}
            </Text>
          ) : (
            <Table>
              <Table.Caption className="sr-caption">{t('agreements.detail.commitments')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agreements.detail.owedBy')}</Table.Th>
                  <Table.Th>{t('agreements.detail.what')}</Table.Th>
                  <Table.Th>{t('agreements.detail.due')}</Table.Th>
                  <Table.Th>{t('agreements.detail.followUp')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {i.commitments.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.owedByName}</Table.Td>
                    <Table.Td>
                      {c.description}{' '}
                      {c.fulfilled && <Badge color="teal.9">{t('agreements.detail.fulfilled')}</Badge>}
                    </Table.Td>
                    <Table.Td>{c.dueOn ? formatDay(c.dueOn) : '—'}</Table.Td>
                    <Table.Td>
                      {c.updates.map((u) => (
                        <Text size="sm" key={u.id}>
                          {formatDay(u.updatedOn)}: {u.note}
                        </Text>
                      ))}
                      {canWrite && !c.fulfilled && (
                        <CommitmentFollowUp commitmentId={c.id} description={c.description} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {canWrite && <CommitmentForm instrument={i} />}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('agreements.detail.files')}
          </Title>
          {i.files.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('agreements.detail.noFiles')}
            </Text>
          ) : (
            <List size="sm">
              {i.files.map((f) => (
                <List.Item key={f.id}>
                  <Anchor href={instrumentFileUrl(i.id, f.id)}>{f.filename}</Anchor> ·{' '}
                  {t(`agreements.fileKind.${f.kind}`)}
                </List.Item>
              ))}
            </List>
          )}
          {canWrite && <FileUpload instrumentId={i.id} />}
        </Paper>
      </Stack>
    </>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** The status history and, for liaison staff, the allowed next statuses. */
function StatusSection({ instrument }: { instrument: InstrumentDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('agreements.write');
  const next: readonly InstrumentStatus[] = ALLOWED_TRANSITIONS[instrument.status];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('agreements.detail.history')}
      </Title>
      <List size="sm" mb="sm">
        {instrument.statusHistory.map((h) => (
          <List.Item key={h.id}>
            {formatDay(h.changedOn)}: {t(`agreements.status.${h.toStatus}`)}
            {h.note ? ` — ${h.note}` : ''}
          </List.Item>
        ))}
      </List>
      {canWrite && next.length > 0 && <StatusChangeForm instrumentId={instrument.id} next={next} />}
    </Paper>
  );
}

function StatusChangeForm(props: { instrumentId: string; next: readonly InstrumentStatus[] }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { status: null as string | null, changedOn: null as string | null },
    schema: StatusChangeInputSchema,
    toInput: (v) => ({ status: (v.status ?? '') as InstrumentStatus, changedOn: v.changedOn ?? '' }),
    save: (input) => changeInstrumentStatus(props.instrumentId, input),
    invalidate: [AGREEMENTS_KEY],
    saved: (saved) =>
      t('agreements.detail.statusChanged', { status: t(`agreements.status.${saved.status}`) }),
    onSaved: () => f.form.reset(),
  });
  return (
    <FormBody form={f} submitLabel={t('agreements.detail.changeStatus')}>
      <Group align="flex-start" gap="sm">
        <Select
          label={t('agreements.detail.newStatus')}
          withAsterisk
          data={props.next.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
          w={{ base: '100%', xs: 240 }}
          {...f.form.getInputProps('status')}
        />
        <DayInput
          label={t('agreements.detail.changedOn')}
          withAsterisk
          w={{ base: '100%', xs: 170 }}
          {...f.form.getInputProps('changedOn')}
        />
      </Group>
    </FormBody>
  );
}
