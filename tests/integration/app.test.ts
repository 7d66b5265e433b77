import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { healthResponseSchema } from '../../src/sync/protocol';
import { migrate } from '../../src/server/store/migrate';
import { makeFakeDist, type FakeDist } from '../fixtures/fake-dist';
import { makeStubDb } from '../fixtures/stub-db';
import { TEST_DBS, type TestDatabase } from './test-dbs';

describe.each(TEST_DBS)('GET /api/health on $name', (target) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await target.open();
    const m = await migrate(t.db);
    if (!m.ok) throw new Error(m.message);
    app = await buildApp({ db: t.db, config: { staticDir: '/nonexistent-tickmark-dist' }, log: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('answers ok with the kind of database it queried', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(healthResponseSchema.parse(res.json())).toEqual({ ok: true, db: target.name });
  });
});

describe('health when the database does not answer', () => {
  it('is 503 with the reason, not ok', async () => {
    const app = await buildApp({ db: makeStubDb('postgres', new Error('connection refused')), config: { staticDir: '/nonexistent' }, log: false });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: 'Database unavailable: connection refused' });
    await app.close();
  });
});

describe('JSON error handling', () => {
  let app: FastifyInstance;
  let dist: FakeDist;
  beforeAll(async () => {
    dist = makeFakeDist();
    app = await buildApp({ db: makeStubDb(), config: { staticDir: dist.dir }, log: false });
    const body = z.object({ name: z.string().min(1), count: z.number().int() });
    app.post('/api/test/echo', async (request) => body.parse(request.body));
    app.get('/api/test/boom', async () => {
      throw new Error('secret internal detail');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    dist.remove();
  });

  it('answers a zod failure with 400 and what was wrong, where', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { origin: 'http://localhost' }, payload: { name: '', count: 1.5 } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: string }>();
    expect(error).toMatch(/^Invalid request: /);
    expect(error).toContain('body.name:');
    expect(error).toContain('body.count:');
    expect(error).not.toMatch(/\n\s+at /);
  });

  it('answers unparseable JSON with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { origin: 'http://localhost', 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/JSON/);
  });

  it('answers an unexpected error with 500 and no internals', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Internal server error' });
    expect(res.body).not.toContain('secret internal detail');
  });

  it('passes valid input through', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/echo', headers: { origin: 'http://localhost' }, payload: { name: 'x', count: 2 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'x', count: 2 });
  });
});
