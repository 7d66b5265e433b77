import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emailSchema } from '../../sync/auth-protocol';

export const USER_COMMAND_USAGE = `Usage:
  npm run user -- create --email <e-mail> --name <name> [--admin]
  npm run user -- reset-password --email <e-mail>
  npm run user -- disable --email <e-mail>

The password is read from TICKMARK_NEW_PASSWORD, or asked for when run in a terminal.
The database is the server's: DATABASE_URL, else PGlite in TICKMARK_DATA_DIR (./data).`;

export type UserCommand =
  | { readonly command: 'create'; readonly email: string; readonly name: string; readonly admin: boolean }
  | { readonly command: 'reset-password'; readonly email: string }
  | { readonly command: 'disable'; readonly email: string }
  | { readonly command: 'help' };

export type UserCommandArgs = { readonly ok: true; readonly value: UserCommand } | { readonly ok: false; readonly message: string };

const nameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  admin: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const ALLOWED: Record<Exclude<UserCommand['command'], 'help'>, readonly string[]> = {
  create: ['email', 'name', 'admin'],
  'reset-password': ['email'],
  disable: ['email'],
};

const isCommand = (c: string): c is keyof typeof ALLOWED => Object.hasOwn(ALLOWED, c);

/** `argv` without node and the script: `['create', '--email', 'x@y.z', '--name', 'X']`. */
export const parseUserCommandArgs = (argv: readonly string[]): UserCommandArgs => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return { ok: true, value: { command: 'help' } };
  const [command, ...extra] = positionals;
  if (command === undefined || !isCommand(command)) return { ok: false, message: `Unknown command '${command ?? ''}': use create, reset-password or disable` };
  if (extra.length > 0) return { ok: false, message: `Unexpected argument '${extra[0]}'` };
  const given = Object.entries(values).filter(([k, v]) => k !== 'help' && v !== undefined && v !== false).map(([k]) => k);
  const notAllowed = given.find((k) => !ALLOWED[command].includes(k));
  if (notAllowed) return { ok: false, message: `${command} does not take --${notAllowed}` };

  if (values.email === undefined) return { ok: false, message: `${command} needs --email` };
  const email = emailSchema.safeParse(values.email);
  if (!email.success) return { ok: false, message: `--email: ${email.error.issues[0]?.message ?? 'invalid'}` };

  switch (command) {
    case 'create': {
      if (values.name === undefined) return { ok: false, message: 'create needs --name' };
      const name = nameSchema.safeParse(values.name);
      if (!name.success) return { ok: false, message: `--name ${name.error.issues[0]?.message ?? 'is invalid'}` };
      return { ok: true, value: { command, email: email.data, name: name.data, admin: values.admin } };
    }
    case 'reset-password':
    case 'disable':
      return { ok: true, value: { command, email: email.data } };
  }
};
