import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "15/03/2024" or "2024-03-15" typed by the user → "2024-03-15"; anything else → null. */
export function parseDay(input: string): string | null {
  const s = input.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const candidate = dmy
    ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(s)
      ? s
      : null;
  if (!candidate) return null;
  return dayjs(candidate).format('YYYY-MM-DD') === candidate ? candidate : null;
}

/**
 * A calendar date (no time, no zone): the value is always a "YYYY-MM-DD" string, shown as
 * dd/mm/aaaa, typed or picked from a calendar in Spanish.
 */
export function DayInput(props: DateInputProps) {
  const { t } = useTranslation();
  // Escape closes the open calendar only, not the dialog that holds the field.
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseDay}
      placeholder={t('common.datePlaceholder')}
      nextLabel={t('common.nextMonth')}
      previousLabel={t('common.previousMonth')}
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      popoverProps={{ withinPortal: true }}
      {...props}
      // Mantine's modals skip Escape presses on elements marked so.
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
      onFocus={(e) => {
        setCalendarOpen(true);
        props.onFocus?.(e);
      }}
      onClick={(e) => {
        setCalendarOpen(true);
        props.onClick?.(e);
      }}
      onBlur={(e) => {
        setCalendarOpen(false);
        props.onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setCalendarOpen(false);
        props.onKeyDown?.(e);
      }}
    />
  );
}
