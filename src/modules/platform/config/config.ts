import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * One OpenID Connect provider of an organization (ADR 0034): its issuer (discovery at
 * `<issuer>/.well-known/openid-configuration`), the client Vincula was registered as, and the e-mail
 * domains whose people it may sign in. `trustEmail` accepts the provider's e-mail without its
 * `email_verified` claim (Microsoft Entra ID sends none; its addresses are the tenant's own).
 */
const SsoProviderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'id: minúsculas, dígitos y guiones (hasta 40)'),
  label: z.string().trim().min(1).max(40),
  issuer: z
    .string()
    .url()
    .refine(
      (u) => /^https?:\/\//.test(u) && !u.includes('?') && !u.includes('#'),
      'issuer: dirección http(s) sin ? ni #',
    ),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(500),
  organization: z.string().trim().min(1).max(20),
  domains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'dominios: p. ej. ople.mx'),
    )
    .min(1, 'domains: al menos un dominio de correo'),
  trustEmail: z.boolean().default(false),
});
export type SsoProviderConfig = z.infer<typeof SsoProviderSchema>;

/**
 * Environment, validated once at start-up. A wrong value stops the process with a message that
 * names the variable, instead of failing later in a request.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Only this machine by default: the demo's accounts share a published password. A server that
  // others must reach says HOST=0.0.0.0 (or its address) on purpose.
  HOST: z.string().min(1).default('127.0.0.1'),
  VINCULA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'debe empezar con postgres:// o postgresql://')
    .optional(),
  VINCULA_PUBLIC_URL: z.string().url().optional(),
  VINCULA_SECRET: z.string().min(32, 'debe tener al menos 32 caracteres').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VINCULA_LOG_REQUESTS: z
    .enum(['all', 'problems'], { message: 'debe ser all (toda petición) o problems (lentas o fallidas)' })
    .default('problems'),
  VINCULA_SLOW_REQUEST_MS: z.coerce.number().int().min(0).default(1000),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('Vincula <no-responder@localhost>'),
  VINCULA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  VINCULA_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  VINCULA_MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
  VINCULA_CHANNEL_ATTACHMENT_MAX_MB: z.coerce.number().positive().optional(),
  VINCULA_CHANNEL_ATTACHMENT_TYPES: z
    .string()
    .regex(
      /^\s*[a-z0-9]{1,10}(\s*,\s*[a-z0-9]{1,10})*\s*$/i,
      'debe ser una lista de extensiones separadas por comas, p. ej. pdf,docx,xlsx',
    )
    .default('pdf,doc,docx,xls,xlsx,ppt,pptx,odt,ods,csv,txt,png,jpg,jpeg,zip'),
  VINCULA_CHANNEL_REMINDER_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  VINCULA_SSO_PROVIDERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'debe ser JSON: una lista de proveedores [{"id": …}]' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .array(SsoProviderSchema)
        .max(20)
        .refine(
          (list) => new Set(list.map((p) => p.id)).size === list.length,
          'cada proveedor necesita un id distinto',
        ),
    ),
  VINCULA_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const entries = value.trim() === '' ? [] : value.split(',').map((entry) => entry.trim());
      for (const entry of entries) {
        if (!isProxyAddress(entry)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" no es una dirección IP, un rango CIDR (p. ej. 10.0.0.0/8) ni loopback, linklocal o uniquelocal`,
          });
        }
      }
      return entries;
    }),
});

/** An address, a CIDR range or one of proxy-addr's names of ranges (what Fastify's trustProxy takes). */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * The configuration of a running installation. `secret` signs session cookies and e-mailed links:
 * VINCULA_SECRET, or else the installation's own random one (see installation-secret.ts).
 */
export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  secret: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Which requests are logged: only slow or failing ones (`problems`), or every one (`all`). */
  requestLog: { mode: 'all' | 'problems'; slowMs: number };
  smtp: {
    host: string | undefined;
    port: number;
    secure: boolean;
    user: string | undefined;
    password: string | undefined;
    from: string;
  };
  login: { maxFailures: number; windowMinutes: number };
  maxUploadBytes: number;
  /**
   * Addresses of the reverse proxies in front of Vincula. X-Forwarded-For, -Host and -Proto are
   * believed only from them: from anyone else they would let a client choose its address.
   */
  trustedProxies: string[];
  /** Channel attachments: size limit (never above maxUploadBytes), allowed extensions, reminder lead. */
  channel: { attachmentMaxBytes: number; attachmentTypes: string[]; reminderBusinessDays: number };
  /** Organizations' OpenID Connect providers (VINCULA_SSO_PROVIDERS, ADR 0034); none by default. */
  sso: SsoProviderConfig[];
};

/** What the environment says; the secret is left undefined when VINCULA_SECRET is not set. */
export type EnvConfig = Omit<Config, 'secret'> & { secret: string | undefined };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuración inválida:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Earlier versions signed with this value when VINCULA_SECRET was unset; it is public (it was in
 * this file), so anything signed with it can be forged. Production refuses it.
 */
export const PUBLISHED_DEVELOPMENT_SECRET = 'vincula-development-secret-change-me-0123456789';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  // An empty variable (`DATABASE_URL=` in a service file) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  // Unset, the attachment limit is 10 MB or the upload limit if that is lower; set, it may not exceed it.
  const attachmentMaxMb = e.VINCULA_CHANNEL_ATTACHMENT_MAX_MB ?? Math.min(10, e.VINCULA_MAX_UPLOAD_MB);
  if (attachmentMaxMb > e.VINCULA_MAX_UPLOAD_MB) {
    throw new ConfigError([
      `VINCULA_CHANNEL_ATTACHMENT_MAX_MB: no puede exceder VINCULA_MAX_UPLOAD_MB (${e.VINCULA_MAX_UPLOAD_MB})`,
    ]);
  }
  if (e.NODE_ENV === 'production' && e.VINCULA_SECRET === PUBLISHED_DEVELOPMENT_SECRET) {
    throw new ConfigError([
      'VINCULA_SECRET: es el valor de desarrollo publicado en el código y no protege nada en producción; ' +
        'defina uno propio (p. ej. con openssl rand -hex 32) o quite la variable para que Vincula genere uno',
    ]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.VINCULA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.VINCULA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    secret: e.VINCULA_SECRET,
    logLevel: e.LOG_LEVEL,
    requestLog: { mode: e.VINCULA_LOG_REQUESTS, slowMs: e.VINCULA_SLOW_REQUEST_MS },
    smtp: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE,
      user: e.SMTP_USER,
      password: e.SMTP_PASSWORD,
      from: e.SMTP_FROM,
    },
    login: { maxFailures: e.VINCULA_LOGIN_MAX_FAILURES, windowMinutes: e.VINCULA_LOGIN_WINDOW_MINUTES },
    trustedProxies: e.VINCULA_TRUSTED_PROXIES,
    maxUploadBytes: Math.round(e.VINCULA_MAX_UPLOAD_MB * 1024 * 1024),
    channel: {
      attachmentMaxBytes: Math.round(attachmentMaxMb * 1024 * 1024),
      attachmentTypes: [
        ...new Set(e.VINCULA_CHANNEL_ATTACHMENT_TYPES.split(',').map((x) => x.trim().toLowerCase())),
      ],
      reminderBusinessDays: e.VINCULA_CHANNEL_REMINDER_DAYS,
    },
    sso: e.VINCULA_SSO_PROVIDERS.map((p) => ({ ...p, issuer: p.issuer.replace(/\/$/, '') })),
  };
}
