import { z } from 'zod';

/** The `:id` of a route: a record's uuid. */
export const IdParamsSchema = z.object({ id: z.uuid({ error: 'Identificador inválido' }) });
