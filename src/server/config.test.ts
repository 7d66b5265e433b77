import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('parseConfig', () => {
  it('fills in every default from an empty environment', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: { port: 8080, host: '0.0.0.0', dataDir: './data', databaseUrl: undefined, nodeEnv: 'development', demoPassword: undefined, staticDir: './dist', trustProxy: false },
    });
  });

  it('reads every variable', () => {
    const r = parseConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      TICKMARK_DATA_DIR: '/var/lib/tickmark',
      DATABASE_URL: 'postgres://u@db:5432/tickmark',
      NODE_ENV: 'production',
      TICKMARK_DEMO_PASSWORD: 'long-enough',
      TICKMARK_STATIC_DIR: '/srv/www',
      TICKMARK_TRUST_PROXY: 'true',
    });
    expect(r).toEqual({
      ok: true,
      config: { port: 3000, host: '127.0.0.1', dataDir: '/var/lib/tickmark', databaseUrl: 'postgres://u@db:5432/tickmark', nodeEnv: 'production', demoPassword: 'long-enough', staticDir: '/srv/www', trustProxy: true },
    });
  });

  it('treats empty variables as unset', () => {
    const r = parseConfig({ PORT: '', DATABASE_URL: ' ', TICKMARK_DEMO_PASSWORD: '' });
    expect(r.ok && r.config.port).toBe(8080);
    expect(r.ok && r.config.databaseUrl).toBeUndefined();
  });

  it.each([
    ['abc', "Invalid configuration: PORT: expected an integer between 1 and 65535, got 'abc'"],
    ['0', "Invalid configuration: PORT: expected an integer between 1 and 65535, got '0'"],
    ['70000', "Invalid configuration: PORT: expected an integer between 1 and 65535, got '70000'"],
    ['80.5', "Invalid configuration: PORT: expected an integer between 1 and 65535, got '80.5'"],
  ])('names a bad PORT=%s', (value, message) => {
    expect(parseConfig({ PORT: value })).toEqual({ ok: false, message });
  });

  it('names a TICKMARK_TRUST_PROXY that is not true or false', () => {
    expect(parseConfig({ TICKMARK_TRUST_PROXY: 'yes' })).toEqual({ ok: false, message: "Invalid configuration: TICKMARK_TRUST_PROXY: expected 'true' or 'false'" });
  });

  it('names a short demo password and a non-PostgreSQL URL together', () => {
    const r = parseConfig({ TICKMARK_DEMO_PASSWORD: 'short', DATABASE_URL: 'mysql://x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('TICKMARK_DEMO_PASSWORD: must be at least 8 characters long');
    expect(r.message).toContain('DATABASE_URL: expected a postgres:// or postgresql:// URL');
    expect(r.message).not.toContain('short');
  });
});
