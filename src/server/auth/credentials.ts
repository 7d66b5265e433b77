import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { createSignInAttemptsRepo } from '../store/sign-in-attempts-repo';
import { createUsersRepo, normalizeEmail, type User } from '../store/users-repo';
import { AUTH_POLICY, type Clock } from './auth-policy';
import { hashPassword, verifyPassword } from './password';
import { accountKey, addressKey, checkLimit, combineLimits } from './rate-limit';

export type CredentialsCheck =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly code: 'wrong_credentials' }
  | { readonly ok: false; readonly code: 'rate_limited'; readonly retryAfterSeconds: number };

export type CredentialsInput = { readonly email: string; readonly password: string; readonly ip: string };

/**
 * Password checks with rate limiting per account and per address. Unknown e-mail, wrong
 * password and disabled account give the same answer after the same amount of work, so
 * the answer does not tell which e-mail addresses have accounts.
 */
export const createCredentials = ({ db, now }: { readonly db: Db; readonly now: Clock }) => {
  // Hashed with the current default cost, so checking it takes as long as checking a real user's password.
  const dummyHash = hashPassword(randomBytes(24).toString('base64url'));

  return {
    check: async ({ email, password, ip }: CredentialsInput): Promise<CredentialsCheck> => {
      const at = now();
      const since = new Date(at.getTime() - AUTH_POLICY.signInWindowMs);
      const attempts = createSignInAttemptsRepo(db);
      const keys = [accountKey(normalizeEmail(email)), addressKey(ip)] as const;
      const limit = combineLimits([
        checkLimit(await attempts.inWindow(keys[0], since), AUTH_POLICY.maxFailuresPerAccount, at),
        checkLimit(await attempts.inWindow(keys[1], since), AUTH_POLICY.maxFailuresPerAddress, at),
      ]);
      if (!limit.ok) return { ok: false, code: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

      const user = await createUsersRepo(db).findByEmail(email);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
      if (!user || !matches || user.disabled) {
        await attempts.record(keys, at, since);
        return { ok: false, code: 'wrong_credentials' };
      }
      await attempts.clear(keys[0]);
      return { ok: true, user };
    },
  };
};

export type Credentials = ReturnType<typeof createCredentials>;
