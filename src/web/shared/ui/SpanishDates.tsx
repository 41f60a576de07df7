import 'dayjs/locale/es';
import '@mantine/dates/styles.css';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';

/**
 * Mantine's date pickers in Spanish, weeks from Monday. Each picker brings it along, with dayjs'
 * locale and the pickers' styles, so that only pages with a picker download them (issue 18: the
 * signed-in frame carried them to every page, the home page included).
 */
export function SpanishDates({ children }: { children: ReactNode }) {
  return <DatesProvider settings={{ locale: 'es', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
