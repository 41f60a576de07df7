import { z } from 'zod';
import { DATE_RANGE } from './calendar';

export * from './calendar';

const OUT_OF_RANGE =
  'Fecha fuera del intervalo admitido: use una fecha entre el 1 de enero de 1990 y el 31 de diciembre de 2100';

// No message of its own: the shared error map words it ("El 31 de febrero de 2024 no existe").
const isoDate = () => z.iso.date();

/**
 * A calendar date with no time or zone ("2024-02-29"). Validated as a real date: 2024-02-30 and
 * 2023-02-29 are refused, and so is any date outside DATE_RANGE. The range binds what comes in
 * (requests, imports: parse/decode) but not what goes out (encode, the response serializer): a
 * date computed from an accepted one (a due date 365 business days after 2100-12-01) or stored
 * before the range existed must not turn an answer into a 500. Stored as SQL `date`, never as a
 * midnight timestamp.
 */
export const LocalDateSchema = z.codec(
  isoDate().meta({ description: `Fecha AAAA-MM-DD entre ${DATE_RANGE.min} y ${DATE_RANGE.max}` }),
  isoDate(),
  {
    decode: (day, ctx) => {
      if (day < DATE_RANGE.min || day > DATE_RANGE.max)
        ctx.issues.push({ code: 'custom', message: OUT_OF_RANGE, input: day });
      return day;
    },
    encode: (day) => day,
  },
);

/**
 * A moment with its offset ("2024-03-01T09:00:00-06:00"), e.g. when a campaign is to start. Its day,
 * read in UTC, keeps DATE_RANGE like every other date that comes in.
 */
export const InstantSchema = z.iso.datetime({ offset: true }).refine(
  (instant) => {
    const day = new Date(instant).toISOString().slice(0, 10);
    return day >= DATE_RANGE.min && day <= DATE_RANGE.max;
  },
  { message: OUT_OF_RANGE },
);
