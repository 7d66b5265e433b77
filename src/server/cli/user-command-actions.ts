import { v7 } from 'uuid';
import { hashPassword } from '../auth/password';
import type { Db } from '../store/db';
import { createSessionsRepo } from '../store/sessions-repo';
import { createUsersRepo } from '../store/users-repo';
import type { UserCommand } from './user-command-args';

export type UserCommandOutcome = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string };

type Action = Exclude<UserCommand, { command: 'help' }>;

/**
 * Carries out one account command on the server's database. `password` is the new
 * password, already checked against the password rules (create and reset-password).
 */
export const runUserCommand = async (db: Db, command: Action, password: string | null, now: Date = new Date()): Promise<UserCommandOutcome> => {
  const needPassword = (): string => {
    if (password === null) throw new Error(`${command.command} needs a password`);
    return password;
  };
  switch (command.command) {
    case 'create': {
      const created = await createUsersRepo(db).create({
        id: v7(),
        email: command.email,
        name: command.name,
        passwordHash: await hashPassword(needPassword()),
        firmRole: command.admin ? 'admin' : null,
      });
      if (!created.ok) return { ok: false, message: created.message };
      return { ok: true, message: `Created ${created.user.email} (${created.user.name})${command.admin ? ' as a firm admin' : ''}.` };
    }
    case 'reset-password': {
      const hash = await hashPassword(needPassword());
      return db.transaction(
        async (tx) => {
          const user = await createUsersRepo(tx).findByEmail(command.email);
          if (!user) return { ok: false, message: `No user with the e-mail ${command.email}` };
          await createUsersRepo(tx).setPasswordHash(user.id, hash);
          const revoked = await createSessionsRepo(tx).revokeAllOfUser(user.id, now);
          return { ok: true, message: `Password of ${user.email} changed; ${revoked} session(s) signed out.${user.disabled ? ' The account is still disabled.' : ''}` };
        },
        { isolation: 'read committed' },
      );
    }
    case 'disable':
      return db.transaction(
        async (tx) => {
          const user = await createUsersRepo(tx).findByEmail(command.email);
          if (!user) return { ok: false, message: `No user with the e-mail ${command.email}` };
          await createUsersRepo(tx).setDisabled(user.id, true);
          const revoked = await createSessionsRepo(tx).revokeAllOfUser(user.id, now);
          return { ok: true, message: `Disabled ${user.email}; ${revoked} session(s) signed out.` };
        },
        { isolation: 'read committed' },
      );
  }
};
