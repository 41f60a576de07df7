import { z } from 'zod';

// The organization's letterhead and the quarterly report's legal basis (issue 16): what an
// administrator sets once and every printed document carries. Browser-safe.

/** The logo: PNG or JPEG only (checked by extension and by the file's first bytes), 1 MB at most. */
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LETTERHEAD_MAX_LINES = 4;

const lines = (label: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `Escriba el texto de la línea o quítela`)
        .max(200, 'Cada línea admite hasta 200 caracteres'),
    )
    .max(LETTERHEAD_MAX_LINES, `Escriba hasta ${LETTERHEAD_MAX_LINES} líneas`)
    .meta({ label });

export const LetterheadInputSchema = z.strictObject({
  /** Printed at the top of every page beside the logo, the first in bold (none: the organization's name). */
  headerLines: lines('encabezado'),
  /** Printed at the foot of every page above the page number (address, web site…). */
  footerLines: lines('pie de página'),
  /** The quarterly report's first paragraph: the law under which it is presented. */
  legalBasis: z
    .string()
    .trim()
    .max(1000, 'El fundamento legal admite hasta 1,000 caracteres')
    .nullable()
    .transform((v) => (v ? v : null))
    .meta({ label: 'fundamento legal' }),
});
export type LetterheadInput = z.input<typeof LetterheadInputSchema>;
export type LetterheadValues = z.output<typeof LetterheadInputSchema>;

export const LetterheadSchema = z
  .object({
    headerLines: z.array(z.string()),
    footerLines: z.array(z.string()),
    legalBasis: z.string().nullable(),
    logo: z
      .object({
        filename: z.string(),
        mediaType: z.enum(LOGO_MEDIA_TYPES),
        width: z.number().int(),
        height: z.number().int(),
        sha256: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'Letterhead' });
export type LetterheadSettings = z.infer<typeof LetterheadSchema>;
