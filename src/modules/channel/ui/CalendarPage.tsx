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
  const addDays = useChannelWrite(
    (v: DayRange) =>
      api.post('/api/channel/calendar/non-working-days', {
        day: v.start,
        ...(v.end ? { to: v.end } : {}),
        reason: v.reason,
      }),
    t('channelReports.daysAdded'),
  );
  const removeDay = useChannelWrite(
    (day: string) => api.delete(`/api/channel/calendar/non-working-days/${day}`),
    t('channelReports.dayRemoved'),
  );
  const addPeriod = useChannelWrite(
    (v: DayRange) =>
      api.post('/api/channel/calendar/every-day-counts', {
        startsOn: v.start,
        endsOn: v.end,
        reason: v.reason,
      }),
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
              <DayRangeForm
                name={t('channelReports.ownFormName')}
                startLabel={t('channelReports.from')}
                endLabel={t('channelReports.to')}
                endRequired={false}
                submitLabel={t('channelReports.addDays')}
                write={addDays}
              />
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
              <DayRangeForm
                name={t('channelReports.everyDayFormName')}
                startLabel={t('channelReports.startsOn')}
                endLabel={t('channelReports.endsOn')}
                endRequired
                submitLabel={t('channelReports.addPeriod')}
                write={addPeriod}
              />
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

/** A day or a range of days with its reason, as the two forms of the page ask for them. */
type DayRange = { start: string | null; end: string | null; reason: string };

/**
 * The form of both lists: a first day, a last day (optional for non-working days, required for
 * every-day-counts periods) and the reason; cleared once the write succeeds.
 */
function DayRangeForm(props: {
  name: string;
  startLabel: string;
  endLabel: string;
  endRequired: boolean;
  submitLabel: string;
  write: ReturnType<typeof useChannelWrite<DayRange>>;
}) {
  const { t } = useTranslation();
  const empty: DayRange = { start: null, end: null, reason: '' };
  const [value, setValue] = useState<DayRange>(empty);
  return (
    <form
      aria-label={props.name}
      onSubmit={(e) => {
        e.preventDefault();
        props.write.mutate(value, { onSuccess: () => setValue(empty) });
      }}
    >
      <Group align="flex-end" gap="sm" mb="md">
        <DayInput
          label={props.startLabel}
          value={value.start}
          onChange={(start) => setValue((v) => ({ ...v, start }))}
          required
          w={150}
        />
        <DayInput
          label={props.endLabel}
          value={value.end}
          onChange={(end) => setValue((v) => ({ ...v, end }))}
          required={props.endRequired}
          w={150}
        />
        <TextInput
          label={t('channelReports.reason')}
          value={value.reason}
          onChange={(e) => {
            const reason = e.currentTarget.value;
            setValue((v) => ({ ...v, reason }));
          }}
          required
          w={200}
        />
        <Button
          type="submit"
          leftSection={<IconPlus size={16} aria-hidden />}
          loading={props.write.isPending}
        >
          {props.submitLabel}
        </Button>
      </Group>
    </form>
  );
}
