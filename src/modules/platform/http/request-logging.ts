import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';

export type RequestLogLevel = 'error' | 'warn' | 'info';

/**
 * Whether a finished request is worth a log line, and at which level. Logging every request
 * buried the few that matter (14,500 lines in 20 minutes of one person's use), so by default
 * only problems are written: server failures as errors, slow answers as warnings, refusals
 * (4xx: a wrong form, an expired session) as information. `all` writes the rest at info too.
 */
export function requestLogLevel(
  outcome: { statusCode: number; durationMs: number },
  rule: Config['requestLog'],
): RequestLogLevel | null {
  if (outcome.statusCode >= 500) return 'error';
  if (outcome.durationMs >= rule.slowMs) return 'warn';
  if (outcome.statusCode >= 400) return 'info';
  return rule.mode === 'all' ? 'info' : null;
}

/**
 * Replaces Fastify's two lines per request ("incoming request", "request completed") with one
 * line when the request finishes, chosen by `requestLogLevel`. The app must be built with
 * `disableRequestLogging: true`; `req` goes through the app's redacting serializer.
 */
export function registerRequestLogging(app: FastifyInstance, rule: Config['requestLog']): void {
  app.addHook('onResponse', async (request, reply) => {
    const durationMs = reply.elapsedTime;
    const level = requestLogLevel({ statusCode: reply.statusCode, durationMs }, rule);
    if (!level) return;
    request.log[level](
      { req: request, res: reply, responseTime: Math.round(durationMs) },
      durationMs >= rule.slowMs ? 'slow request' : 'request completed',
    );
  });
}
