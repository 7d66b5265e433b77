import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './db';
import { errorText } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;

export type Migration = { readonly id: string; readonly sql: string; readonly checksum: string };

export type MigrateResult =
  | { readonly ok: true; readonly applied: readonly string[]; readonly alreadyApplied: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** The shipped migrations, in order: `NNN-name.sql`, the name without `.sql` is the id. */
export const loadMigrations = (dir: string = MIGRATIONS_DIR): Migration[] =>
  readdirSync(dir)
    .filter((f) => FILE_NAME.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { id: f.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

// Per schema, so test files with their own schema do not queue behind each other.
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('tickmark:migrate:' || current_schema()))`;

class MigrationRefused extends Error {}

/**
 * Applies the pending migrations, each in its own transaction with its record in
 * schema_migrations. Every transaction first takes an advisory lock, then looks at what
 * is applied (read committed, so it sees what a server that held the lock before it
 * committed): two servers starting at once apply each migration exactly once.
 */
export const migrate = async (db: Db, migrations: readonly Migration[] = loadMigrations()): Promise<MigrateResult> => {
  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  try {
    const known = new Set(migrations.map((m) => m.id));
    const unknown = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      await tx.exec(CREATE_TABLE);
      const { rows } = await tx.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
      return rows.map((r) => r.id).filter((id) => !known.has(id));
    }, { isolation: 'read committed' });
    if (unknown.length > 0) {
      return { ok: false, message: `The database has migrations this server does not know (${unknown.join(', ')}): it was last used by a newer Tickmark. Run that version, or use another database.` };
    }
    for (const m of migrations) {
      const done = await db.transaction(async (tx) => {
        await tx.query(LOCK);
        const { rows } = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE id = $1', [m.id]);
        const row = rows[0];
        if (row) {
          if (row.checksum !== m.checksum) throw new MigrationRefused(`Migration ${m.id} was changed after it was applied to this database. Put the change in a new migration file instead.`);
          return false;
        }
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [m.id, m.checksum]);
        return true;
      }, { isolation: 'read committed' });
      (done ? applied : alreadyApplied).push(m.id);
    }
    return { ok: true, applied, alreadyApplied };
  } catch (e) {
    if (e instanceof MigrationRefused) return { ok: false, message: e.message };
    const failing = migrations.find((m) => !applied.includes(m.id) && !alreadyApplied.includes(m.id));
    return { ok: false, message: `Database migration ${failing?.id ?? ''} failed: ${errorText(e)}` };
  }
};
