import { z } from 'zod';

const MESSAGE = 'Escriba una dirección web completa que empiece con http:// o https://.';

/**
 * A web address people open from the app: http or https only. Any other scheme ("javascript:",
 * "data:") would run or show content of someone else's choosing when the link is followed.
 */
export const WebUrlSchema = z.httpUrl({ error: MESSAGE }).max(300);

/** Whether a stored address is safe to render as a link (rows saved before the rule may not be). */
export function isWebUrl(value: string | null | undefined): value is string {
  return Boolean(value) && WebUrlSchema.safeParse(value).success;
}
