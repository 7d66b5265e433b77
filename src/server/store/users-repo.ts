import { z } from 'zod';
import type { Queryable } from './db';
import { sqlState } from './db';

export const firmRoleSchema = z.enum(['admin']);

export const userSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  passwordHash: z.string().min(1),
  disabled: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  firmRole: firmRoleSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const newUserSchema = z.object({
  id: z.uuid(),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  passwordHash: z.string().min(1),
  firmRole: firmRoleSchema.nullable().default(null),
});
export type NewUser = z.input<typeof newUserSchema>;

export type CreateUserResult =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly code: 'invalid' | 'email_taken'; readonly message: string };

const COLUMNS = 'id, email, name, password_hash AS "passwordHash", disabled, created_at AS "createdAt", firm_role AS "firmRole"';

const toUser = (row: unknown): User => userSchema.parse(row);

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const createUsersRepo = (q: Queryable) => ({
  create: async (input: NewUser): Promise<CreateUserResult> => {
    const parsed = newUserSchema.safeParse(input);
    if (!parsed.success) return { ok: false, code: 'invalid', message: parsed.error.issues.map((i) => `user.${i.path.join('.')}: ${i.message}`).join('; ') };
    const u = parsed.data;
    try {
      const { rows } = await q.query(
        `INSERT INTO users (id, email, name, password_hash, firm_role) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [u.id, u.email, u.name, u.passwordHash, u.firmRole],
      );
      return { ok: true, user: toUser(rows[0]) };
    } catch (e) {
      // unique_violation: the only constraint a valid new user can break is the e-mail's.
      if (sqlState(e) === '23505') return { ok: false, code: 'email_taken', message: `A user with the e-mail ${u.email} already exists` };
      throw e;
    }
  },

  findByEmail: async (email: string): Promise<User | undefined> => {
    const { rows } = await q.query(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [normalizeEmail(email)]);
    return rows[0] ? toUser(rows[0]) : undefined;
  },

  findById: async (id: string): Promise<User | undefined> => {
    if (!z.uuid().safeParse(id).success) return undefined;
    const { rows } = await q.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : undefined;
  },

  /** False when there is no such user. */
  setPasswordHash: async (id: string, passwordHash: string): Promise<boolean> => {
    const r = await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    return r.rowCount > 0;
  },

  /** False when there is no such user. */
  setDisabled: async (id: string, disabled: boolean): Promise<boolean> => {
    const r = await q.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, disabled]);
    return r.rowCount > 0;
  },

  count: async (): Promise<number> => {
    const { rows } = await q.query<{ n: number }>('SELECT count(*) AS n FROM users');
    return rows[0]?.n ?? 0;
  },
});

export type UsersRepo = ReturnType<typeof createUsersRepo>;
