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
import type { z } from 'zod';
import { EveryDayCountsInputSchema, NonWorkingDayInputSchema } from '../contract-reports';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { CHANNEL_KEY } from './api';
import { RoutingPolicyCard } from './RoutingPolicyCard';
import {
  addEveryDayCounts,
  addNonWorkingDays,
  removeEveryDayCounts,
  removeNonWorkingDay,
  useChannelWrite,
  useWorkCalendar,
} from './report-api';
import channelStrings from 'virtual:lazy-strings/channel';
import channelReportsStrings from 'virtual:lazy-strings/channelReports';
import { addLazyStrings } from '@/web/i18n/all';

// These sections' wording loads with this module, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);
addLazyStrings(channelReportsStrings);

/** The organization's working calendar of a year, next to the official holidays (read-only). */
export default function CalendarPage() {
  const { t } = useTranslation();
  const canManage = useCan('channel.calendar');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const calendar = useWorkCalendar(year);
  const removeDay = useChannelWrite(removeNonWorkingDay, t('channelReports.dayRemoved'));
  const removePeriod = useChannelWrite(removeEveryDayCounts, t('channelReports.periodRemoved'));
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
                schema={NonWorkingDayInputSchema}
                toInput={(v) => ({ day: v.start, ...(v.end ? { to: v.end } : {}), reason: v.reason })}
                save={addNonWorkingDays}
                saved={t('channelReports.daysAdded')}
                aliases={{ day: 'start', to: 'end' }}
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
                        <RemoveCell
                          label={t('channelReports.removeDay', { day: formatDay(d.day) })}
                          onRemove={() => removeDay.mutate(d.day)}
                        />
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
                schema={EveryDayCountsInputSchema}
                toInput={(v) => ({ startsOn: v.start, endsOn: v.end, reason: v.reason })}
                save={addEveryDayCounts}
                saved={t('channelReports.periodAdded')}
                aliases={{ startsOn: 'start', endsOn: 'end' }}
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
                        <RemoveCell
                          label={t('channelReports.removePeriod', {
                            from: formatDay(p.startsOn),
                            to: formatDay(p.endsOn),
                          })}
                          onRemove={() => removePeriod.mutate(p.id)}
                        />
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </SimpleGrid>
      )}
      <RoutingPolicyCard />
    </>
  );
}

/** A day or a range of days with its reason, as the two forms of the page ask for them. */
type DayRange = { start: string | null; end: string | null; reason: string };

/**
 * The form of both lists: a first day, a last day (optional for non-working days, required for
 * every-day-counts periods) and the reason; cleared once saved.
 */
function DayRangeForm<Input>(props: {
  name: string;
  startLabel: string;
  endLabel: string;
  endRequired: boolean;
  submitLabel: string;
  schema: z.core.$ZodType;
  toInput: (range: DayRange) => Input;
  save: (input: Input) => Promise<unknown>;
  saved: string;
  /** The API's field → the form's (start, end). */
  aliases: Record<string, string>;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { start: null, end: null, reason: '' } as DayRange,
    schema: props.schema,
    toInput: props.toInput,
    save: props.save,
    invalidate: [CHANNEL_KEY],
    saved: () => props.saved,
    onSaved: clear,
    aliases: props.aliases,
  });
  function clear(): void {
    f.form.reset();
  }
  return (
    <form aria-label={props.name} noValidate onSubmit={f.submit}>
      <FormErrorAlert error={f.error} unplaced={f.unplaced} />
      <Group align="flex-end" gap="sm" mb="md">
        <DayInput label={props.startLabel} required w={150} {...f.form.getInputProps('start')} />
        <DayInput
          label={props.endLabel}
          required={props.endRequired}
          w={150}
          {...f.form.getInputProps('end')}
        />
        <TextInput label={t('channelReports.reason')} required w={200} {...f.form.getInputProps('reason')} />
        <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={f.mutation.isPending}>
          {props.submitLabel}
        </Button>
      </Group>
    </form>
  );
}

/** The last cell of a calendar row: removes it (a non-working day, an "every day counts" period). */
function RemoveCell({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Table.Td>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onRemove}>
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Table.Td>
  );
}
