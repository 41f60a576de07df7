import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { impossibleDateMessage } from '@/shared/validation-messages';
import { SpanishDates } from './SpanishDates';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** "15/3/2024" → "2024-03-15", even when that day does not exist; other shapes → null. */
function isoShape(input: string): string | null {
  const s = input.trim();
  const dmy = DMY.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return ISO.test(s) ? s : null;
}

/** "15/03/2024" or "2024-03-15" typed by the user → "2024-03-15"; anything else → null. */
export function parseDay(input: string): string | null {
  const candidate = isoShape(input);
  if (!candidate) return null;
  return dayjs(candidate).format('YYYY-MM-DD') === candidate ? candidate : null;
}

/**
 * A calendar date (no time, no zone): the value is a "YYYY-MM-DD" string, shown as dd/mm/aaaa,
 * typed or picked from a calendar in Spanish. What the person typed is never swapped for another
 * date: text that is not a real day stays in the field with the reason under it, and the value
 * becomes that text (as "2024-02-31" when shaped as a date) so that the form refuses it with the
 * same message as the server ("El 31 de febrero de 2024 no existe"). `invalid="clear"` (filters)
 * makes such text clear the value instead.
 */
export function DayInput({ invalid = 'keep', ...props }: DateInputProps & { invalid?: 'keep' | 'clear' }) {
  const { t } = useTranslation();
  // Escape closes the open calendar only, not the dialog that holds the field.
  const [calendarOpen, setCalendarOpen] = useState(false);
  // Why the typed text is not a day; shown once the person leaves the field.
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const typedValue = (text: string) => {
    const candidate = isoShape(text);
    setProblem(
      (candidate && impossibleDateMessage(candidate)) ??
        (candidate ? t('common.dateUnknown') : t('common.dateFormat')),
    );
    return invalid === 'clear' ? null : (candidate ?? text.trim());
  };
  const value = typeof props.value === 'string' && !parseDay(props.value) ? null : props.value;
  return (
    <SpanishDates>
      <DateInput
        valueFormat="DD/MM/YYYY"
        dateParser={parseDay}
        placeholder={t('common.datePlaceholder')}
        nextLabel={t('common.nextMonth')}
        previousLabel={t('common.previousMonth')}
        clearButtonProps={{ 'aria-label': t('common.clearDate') }}
        popoverProps={{ withinPortal: true }}
        {...props}
        // The calendar only ever sees real days; the text box keeps what was typed.
        value={value}
        fixOnBlur={false}
        error={(shown && problem) || props.error}
        onChange={(day) => {
          setProblem(null);
          props.onChange?.(day);
        }}
        onInput={(e) => {
          setShown(false);
          const text = e.currentTarget.value;
          if (text.trim() === '') {
            setProblem(null);
            props.onChange?.(null);
          } else if (!parseDay(text)) {
            props.onChange?.(typedValue(text));
          }
          props.onInput?.(e);
        }}
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
          setShown(true);
          props.onBlur?.(e);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setCalendarOpen(false);
          props.onKeyDown?.(e);
        }}
      />
    </SpanishDates>
  );
}
