import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { parseWithMessages } from '../../../shared/zod-setup';
import { invalid } from '../errors';
import { issuesToFields } from './errors';

/**
 * Validates a request part against its route's Zod schema and refuses it with 400
 * VALIDATION_FAILED, each field's message worded by the shared Spanish map with the labels of that
 * schema (the browser's forms say the same). Query and path fields are named with their part
 * ("querystring.page"); body fields by their own path.
 */
export const validatorCompiler: FastifySchemaCompiler<z.core.$ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = parseWithMessages(schema, data);
    if (result.success) return { value: result.data };
    const where = !httpPart || httpPart === 'body' ? undefined : httpPart;
    return { error: invalid(issuesToFields(result.error.issues, where)) };
  };
