import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url without padding: 43 characters. */
export const OPAQUE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A bearer secret for a session cookie or an invitation link. */
export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a token: its SHA-256 in hex. Tokens have 256 bits of entropy, so no salt or slow hash is needed. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
