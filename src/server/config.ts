import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const port = z.preprocess(
  blankToUndefined,
  z
    .string()
    .default('8080')
    .transform((raw, ctx) => {
      const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
      if (Number.isInteger(n) && n >= 1 && n <= 65535) return n;
      ctx.addIssue({ code: 'custom', message: `expected an integer between 1 and 65535, got '${raw}'` });
      return z.NEVER;
    }),
);

const text = (fallback: string) => z.preprocess(blankToUndefined, z.string().default(fallback));

/** Environment variables, by name, each with its default: the server's only configuration. */
const envSchema = z.object({
  PORT: port,
  HOST: text('0.0.0.0'),
  TICKMARK_DATA_DIR: text('./data'),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), { error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  NODE_ENV: text('development'),
  TICKMARK_DEMO_PASSWORD: z.preprocess(blankToUndefined, z.string().min(8, { error: 'must be at least 8 characters long' }).optional()),
  TICKMARK_STATIC_DIR: text('./dist'),
  // Behind a TLS-terminating proxy the client's protocol and address come from X-Forwarded-*:
  // needed for the same-origin check, the Secure cookie and per-address rate limits.
  TICKMARK_TRUST_PROXY: z.preprocess(blankToUndefined, z.enum(['true', 'false'], { error: "expected 'true' or 'false'" }).default('false')),
});

export const configSchema = envSchema.transform((env) => ({
  port: env.PORT,
  host: env.HOST,
  dataDir: env.TICKMARK_DATA_DIR,
  databaseUrl: env.DATABASE_URL,
  nodeEnv: env.NODE_ENV,
  demoPassword: env.TICKMARK_DEMO_PASSWORD,
  staticDir: env.TICKMARK_STATIC_DIR,
  trustProxy: env.TICKMARK_TRUST_PROXY === 'true',
}));

export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly message: string };

/** Reads the configuration from environment variables; a bad one is named in a readable message. */
export const parseConfig = (env: Record<string, string | undefined>): ConfigResult => {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const reasons = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'environment'}: ${i.message}`);
  return { ok: false, message: `Invalid configuration: ${reasons.join('; ')}` };
};
