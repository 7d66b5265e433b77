import { describe, expect, it } from 'vitest';
import { checkLimit, combineLimits } from './rate-limit';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const WINDOW = 15 * 60_000;

describe('checkLimit', () => {
  it('admits while failures stay under the limit', () => {
    expect(checkLimit({ count: 4, oldest: '2026-03-01T09:50:00.000Z' }, 5, NOW, WINDOW)).toEqual({ ok: true });
    expect(checkLimit({ count: 0, oldest: null }, 5, NOW, WINDOW)).toEqual({ ok: true });
  });

  it('refuses at the limit until the oldest failure leaves the window', () => {
    // Oldest at 09:50 leaves the 15-minute window at 10:05: 300 s from now.
    expect(checkLimit({ count: 5, oldest: '2026-03-01T09:50:00.000Z' }, 5, NOW, WINDOW)).toEqual({ ok: false, retryAfterSeconds: 300 });
  });

  it('never asks to wait less than a second', () => {
    expect(checkLimit({ count: 9, oldest: '2026-03-01T09:45:00.000Z' }, 5, NOW, WINDOW)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});

describe('combineLimits', () => {
  it('takes the longest wait of those that refuse', () => {
    expect(combineLimits([{ ok: true }, { ok: false, retryAfterSeconds: 30 }, { ok: false, retryAfterSeconds: 90 }])).toEqual({ ok: false, retryAfterSeconds: 90 });
    expect(combineLimits([{ ok: true }, { ok: true }])).toEqual({ ok: true });
  });
});
