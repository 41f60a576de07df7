import { Anchor, Badge, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInMexicoCity } from '@/shared/calendar';
import { AgreementSettingsInputSchema, type AgreementSettings } from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  AGREEMENTS_KEY,
  getAgreementSettings,
  listDueAlerts,
  listSentAlerts,
  updateAgreementSettings,
} from './api';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

const PAGE_SIZE = 25;

/**
 * Expiry alerts (docs/agreements-alerts.md): the organization's schedule settings, the alerts whose
 * step falls on a chosen day, and the ledger of every alert sent with its recipients.
 */
export default function AlertsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('agreements.alerts.title')} description={t('agreements.alerts.description')} />
      <Stack gap="md">
        <AlertSettings />
        <DueOnDay />
        <SentAlerts />
      </Stack>
    </>
  );
}

function AlertSettings() {
  const { t } = useTranslation();
  const canAdmin = useCan('agreements.admin');
  const settings = useQuery({
    queryKey: [...AGREEMENTS_KEY, 'settings'],
    queryFn: () => getAgreementSettings(),
  });
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('agreements.alerts.settings')}
      </Title>
      <Text size="sm" mb="sm">
        {settings.data &&
          t('agreements.alerts.rule', {
            lead: settings.data.alertLeadDays,
            repeat: settings.data.alertRepeatDays,
          })}
      </Text>
      {canAdmin && settings.data && <AlertSettingsForm settings={settings.data} />}
    </Paper>
  );
}

const daysOrNull = (days: number | string) => (typeof days === 'number' ? days : null);

function AlertSettingsForm({ settings }: { settings: AgreementSettings }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      alertLeadDays: settings.alertLeadDays as number | string,
      alertRepeatDays: settings.alertRepeatDays as number | string,
    },
    schema: AgreementSettingsInputSchema,
    toInput: (v) => ({
      alertLeadDays: daysOrNull(v.alertLeadDays) as number,
      alertRepeatDays: daysOrNull(v.alertRepeatDays) as number,
    }),
    save: updateAgreementSettings,
    invalidate: [AGREEMENTS_KEY],
    saved: () => t('agreements.alerts.saved'),
  });
  return (
    <FormBody form={f} submitLabel={t('agreements.alerts.save')}>
      <Group align="flex-start" gap="sm">
        <NumberInput
          label={t('agreements.alerts.leadDays')}
          min={1}
          max={730}
          allowDecimal={false}
          w={200}
          {...f.form.getInputProps('alertLeadDays')}
        />
        <NumberInput
          label={t('agreements.alerts.repeatDays')}
          min={1}
          max={365}
          allowDecimal={false}
          w={200}
          {...f.form.getInputProps('alertRepeatDays')}
        />
      </Group>
    </FormBody>
  );
}

function DueOnDay() {
  const { t } = useTranslation();
  const [day, setDay] = useState<string | null>(todayInMexicoCity());
  const due = useQuery({
    queryKey: [...AGREEMENTS_KEY, 'due-alerts', day],
    queryFn: () => listDueAlerts(day ?? undefined),
    enabled: Boolean(day),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('agreements.alerts.dueTitle')}
      </Title>
      <DayInput label={t('agreements.alerts.day')} value={day} onChange={(v) => setDay(v)} w={200} mb="sm" />
      {due.isError && <QueryError error={due.error} onRetry={() => void due.refetch()} />}
      {due.data &&
        (due.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agreements.alerts.noneDue')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table>
              <Table.Caption className="sr-caption">{t('agreements.alerts.dueTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agreements.instruments.instrument')}</Table.Th>
                  <Table.Th>{t('agreements.instruments.end')}</Table.Th>
                  <Table.Th>{t('agreements.alerts.firstAlert')}</Table.Th>
                  <Table.Th>{t('agreements.instruments.areas')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {due.data.items.map((a) => (
                  <Table.Tr key={a.instrumentId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/convenios/instrumentos/${a.instrumentId}`} size="sm">
                        {a.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDay(a.effectiveEnd)}</Table.Td>
                    <Table.Td>{formatDay(a.firstAlertOn)}</Table.Td>
                    <Table.Td>{a.areas.map((x) => x.name).join('; ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Paper>
  );
}

/** The ledger of alerts sent; on an instrument's page, only that instrument's. */
export function SentAlerts({ instrumentId }: { instrumentId?: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const sent = useQuery({
    queryKey: [...AGREEMENTS_KEY, 'sent-alerts', instrumentId, page],
    queryFn: () => listSentAlerts({ instrumentId, page, pageSize: PAGE_SIZE }),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('agreements.alerts.sentTitle')}
      </Title>
      {sent.isError && <QueryError error={sent.error} onRetry={() => void sent.refetch()} />}
      {sent.data &&
        (sent.data.total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agreements.alerts.noneSent')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={700}>
              <Table>
                <Table.Caption className="sr-caption">{t('agreements.alerts.sentTitle')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agreements.alerts.sentOn')}</Table.Th>
                    {!instrumentId && <Table.Th>{t('agreements.instruments.instrument')}</Table.Th>}
                    <Table.Th>{t('agreements.alerts.step')}</Table.Th>
                    <Table.Th>{t('agreements.instruments.end')}</Table.Th>
                    <Table.Th>{t('agreements.alerts.recipients')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sent.data.items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{formatDay(a.sentOn)}</Table.Td>
                      {!instrumentId && (
                        <Table.Td>
                          <Anchor component={Link} to={`/convenios/instrumentos/${a.instrumentId}`} size="sm">
                            {a.title}
                          </Anchor>
                        </Table.Td>
                      )}
                      <Table.Td>{formatDay(a.dueOn)}</Table.Td>
                      <Table.Td>{formatDay(a.effectiveEnd)}</Table.Td>
                      <Table.Td>
                        {a.recipients.length ? (
                          a.recipients.join(', ')
                        ) : (
                          <Badge color="red.9" variant="filled" tt="none">
                            {t('agreements.alerts.noRecipients')}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter page={page} pageSize={PAGE_SIZE} total={sent.data.total} onPage={setPage} />
          </>
        ))}
    </Paper>
  );
}
