import { z } from 'zod';
import { fieldLabel } from './field-labels';
import { issueMessage } from './validation-messages';

/**
 * The error map of every validation, on the server and in the browser: each issue worded for its
 * field (validation-messages.ts), the field named by its label (field-labels.ts). Given the schema
 * being parsed (`root`), a field's `.meta({ label })` is found along the issue's path even when the
 * failing check sits inside an optional or nullable wrapper.
 */
export function spanishErrorMap(root?: z.core.$ZodType): z.core.$ZodErrorMap {
  return (issue) => {
    const raw = issue as typeof issue & { schema?: z.core.$ZodType };
    return issueMessage(issue, fieldLabel(issue.path ?? [], { root, schema: raw.schema, inst: issue.inst }));
  };
}

/** `schema.safeParse(data)` with every message worded for the fields of `schema`. */
export function parseWithMessages<S extends z.core.$ZodType>(schema: S, data: unknown) {
  return z.safeParse(schema, data, { error: spanishErrorMap(schema) });
}

z.config({ customError: spanishErrorMap() });
