import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** N = 2^15, r = 8, p = 1: OWASP's scrypt floor; about 32 MiB and a few tens of ms per hash. */
const DEFAULTS = { ln: 15, r: 8, p: 1 } as const;
/** Bounds on parameters read back from a stored hash, so a bad row cannot make verify hang or exhaust memory. */
const LIMITS = { ln: [10, 20], r: [1, 32], p: [1, 16] } as const;

export type ScryptParams = { readonly ln: number; readonly r: number; readonly p: number };

const derive = (password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> => {
  const N = 2 ** params.ln;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * 2 + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
};

/**
 * `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (salt and key base64url): the parameters travel
 * with the hash, so they can be raised later without breaking stored passwords.
 */
export const hashPassword = async (password: string, params: ScryptParams = DEFAULTS): Promise<string> => {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
};

const inRange = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;

const parseHash = (stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null => {
  const m = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (!inRange(params.ln, LIMITS.ln) || !inRange(params.r, LIMITS.r) || !inRange(params.p, LIMITS.p)) return null;
  const salt = Buffer.from(m[4] ?? '', 'base64url');
  const key = Buffer.from(m[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length < 16) return null;
  return { params, salt, key };
};

/** True when `password` matches; false for a wrong password or a stored value that is not one of our hashes. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(candidate, parsed.key);
};
