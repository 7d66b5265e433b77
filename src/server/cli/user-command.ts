import { newPasswordSchema } from '../../sync/auth-protocol';
import { parseConfig } from '../config';
import { errorText } from '../store/db';
import { migrate } from '../store/migrate';
import { openDb } from '../store/open-db';
import { runUserCommand } from './user-command-actions';
import { parseUserCommandArgs, USER_COMMAND_USAGE } from './user-command-args';

/** Exit codes: 0 done, 1 the command failed (no such user, e-mail taken, database), 2 bad usage or password. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Reads a line from the terminal without echoing it. */
const readHidden = (prompt: string): Promise<string | null> =>
  new Promise((resolve) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let value = '';
    const finish = (result: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      resolve(result);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(value);
        if (ch === '\u0003' || ch === '\u0004') return finish(null);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });

type PasswordInput = { readonly ok: true; readonly password: string } | { readonly ok: false; readonly message: string };

const newPassword = async (): Promise<PasswordInput> => {
  let password = process.env.TICKMARK_NEW_PASSWORD;
  if (password === undefined || password === '') {
    if (!process.stdin.isTTY) return { ok: false, message: 'No password: set TICKMARK_NEW_PASSWORD, or run the command in a terminal to be asked for one.' };
    const first = await readHidden('New password: ');
    if (first === null) return { ok: false, message: 'Cancelled.' };
    const again = await readHidden('Repeat it: ');
    if (again === null) return { ok: false, message: 'Cancelled.' };
    if (first !== again) return { ok: false, message: 'The two passwords differ: nothing was changed.' };
    password = first;
  }
  const checked = newPasswordSchema.safeParse(password);
  if (!checked.success) return { ok: false, message: `Password refused: ${checked.error.issues.map((i) => i.message).join('; ')}. Nothing was changed.` };
  return { ok: true, password: checked.data };
};

/** `npm run user -- <command>`: manage accounts on the server's database. */
const main = async (): Promise<number> => {
  const args = parseUserCommandArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`${args.message}\n\n${USER_COMMAND_USAGE}`);
    return EXIT.usage;
  }
  const command = args.value;
  if (command.command === 'help') {
    console.log(USER_COMMAND_USAGE);
    return EXIT.ok;
  }
  const config = parseConfig(process.env);
  if (!config.ok) {
    console.error(config.message);
    return EXIT.failed;
  }
  let password: string | null = null;
  if (command.command === 'create' || command.command === 'reset-password') {
    const input = await newPassword();
    if (!input.ok) {
      console.error(input.message);
      return EXIT.usage;
    }
    password = input.password;
  }
  const opened = await openDb(config.config);
  if (!opened.ok) {
    console.error(opened.message);
    return EXIT.failed;
  }
  const db = opened.db;
  try {
    const migrated = await migrate(db);
    if (!migrated.ok) {
      console.error(migrated.message);
      return EXIT.failed;
    }
    const outcome = await runUserCommand(db, command, password);
    (outcome.ok ? console.log : console.error)(outcome.message);
    return outcome.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await db.close();
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`user command failed: ${errorText(e)}`);
    process.exit(EXIT.failed);
  },
);
