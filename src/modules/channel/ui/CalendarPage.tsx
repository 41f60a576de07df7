import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/web/shared/api/client';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { useChannelWrite, useWorkCalendar } from './report-api';

/** The organization's working calendar of a year, next to the official holidays (read-only). */
export default function CalendarPage() {
  const { t } = useTranslation();
  const canManage = useCan('channel.calendar');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const calendar = useWorkCalendar(year);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const [periodReason, setPeriodReason] = useState('');
  const addDays = useChannelWrite(
    () => api.post('/api/channel/calendar/non-working-days', { day: from, ...(to ? { to } : {}), reason }),
    t('channelReports.daysAdded'),
  );
  const removeDay = useChannelWrite(
    (day: string) => api.delete(`/api/channel/calendar/non-working-days/${day}`),
    t('channelReports.dayRemoved'),
  );
  const addPeriod = useChannelWrite(
    () => api.post('/api/channel/calendar/every-day-counts', { startsOn, endsOn, reason: periodReason }),
    t('channelReports.periodAdded'),
  );
  const removePeriod = useChannelWrite(
    (id: string) => api.delete(`/api/channel/calendar/every-day-counts/${id}`),
    t('channelReports.periodRemoved'),
  );
  const years = Array.from({ length: 7 }, (_, i) => String(thisYear + 1 - i));
  if (!years.includes('2024')) years.push('2024');
  const c = calendar.data;

  return (
    <>
      <PageHeader
        title={t('channelReports.calendarTitle')}
        description={t('channelReports.calendarDescription')}
      />
      <Group align="flex-end" mb="md">
        <Select
          label={t('channelReports.year')}
          data={years}
          value={String(year)}
          allowDeselect={false}
          onChange={(v) => v && setYear(Number(v))}
          w={140}
        />
        {c && (
          <Text size="sm" role="status">
            {t('channelReports.businessDaysOfYear', { count: c.businessDays })}
          </Text>
        )}
      </Group>
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {c && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('channelReports.officialTitle')}
            </Title>
            <Table withTableBorder striped fz="sm">
              <Table.Caption>{t('channelReports.officialCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('channelReports.day')}</Table.Th>
                  <Table.Th>{t('channelReports.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.officialHolidays.map((h) => (
                  <Table.Tr key={h.date}>
                    <Table.Td>{formatDay(h.date)}</Table.Td>
                    <Table.Td>{h.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('channelReports.ownTitle')}
            </Title>
            {canManage && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  addDays.mutate(undefined, {
                    onSuccess: () => {
                      setFrom(null);
                      setTo(null);
                      setReason('');
                    },
                  });
                }}
              >
                <Group align="flex-end" gap="sm" mb="md">
                  <DayInput
                    label={t('channelReports.from')}
                    value={from}
                    onChange={setFrom}
                    required
                    w={150}
                  />
                  <DayInput label={t('channelReports.to')} value={to} onChange={setTo} w={150} />
                  <TextInput
                    label={t('channelReports.reason')}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                    required
                    w={200}
                  />
                  <Button
                    type="submit"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    loading={addDays.isPending}
                  >
                    {t('channelReports.addDays')}
                  </Button>
                </Group>
              </form>
            )}
            {c.nonWorkingDays.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('channelReports.noOwn')}
              </Text>
            ) : (
              <Table withTableBorder striped fz="sm">
                <Table.Caption>{t('channelReports.ownCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('channelReports.day')}</Table.Th>
                    <Table.Th>{t('channelReports.reason')}</Table.Th>
                    {canManage && <Table.Th w={60} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.nonWorkingDays.map((d) => (
                    <Table.Tr key={d.day}>
                      <Table.Td>{formatDay(d.day)}</Table.Td>
                      <Table.Td>{d.reason}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('channelReports.removeDay', { day: formatDay(d.day) })}
                            onClick={() => removeDay.mutate(d.day)}
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('channelReports.everyDayTitle')}
            </Title>
            {canManage && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  addPeriod.mutate(undefined, {
                    onSuccess: () => {
                      setStartsOn(null);
                      setEndsOn(null);
                      setPeriodReason('');
                    },
                  });
                }}
              >
                <Group align="flex-end" gap="sm" mb="md">
                  <DayInput
                    label={t('channelReports.startsOn')}
                    value={startsOn}
                    onChange={setStartsOn}
                    required
                    w={150}
                  />
                  <DayInput
                    label={t('channelReports.endsOn')}
                    value={endsOn}
                    onChange={setEndsOn}
                    required
                    w={150}
                  />
                  <TextInput
                    label={t('channelReports.reason')}
                    value={periodReason}
                    onChange={(e) => setPeriodReason(e.currentTarget.value)}
                    required
                    w={200}
                  />
                  <Button
                    type="submit"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    loading={addPeriod.isPending}
                  >
                    {t('channelReports.addPeriod')}
                  </Button>
                </Group>
              </form>
            )}
            {c.everyDayCounts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('channelReports.noEveryDay')}
              </Text>
            ) : (
              <Table withTableBorder striped fz="sm">
                <Table.Caption>{t('channelReports.everyDayCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('channelReports.startsOn')}</Table.Th>
                    <Table.Th>{t('channelReports.endsOn')}</Table.Th>
                    <Table.Th>{t('channelReports.reason')}</Table.Th>
                    {canManage && <Table.Th w={60} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.everyDayCounts.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{formatDay(p.startsOn)}</Table.Td>
                      <Table.Td>{formatDay(p.endsOn)}</Table.Td>
                      <Table.Td>{p.reason}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('channelReports.removePeriod', {
                              from: formatDay(p.startsOn),
                              to: formatDay(p.endsOn),
                            })}
                            onClick={() => removePeriod.mutate(p.id)}
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </SimpleGrid>
      )}
    </>
  );
}
