import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };
  it('doubles per attempt, with jitter between half and the whole step', () => {
    expect(backoffDelay(0, () => 0, policy)).toBe(500);
    expect(backoffDelay(0, () => 0.999999, policy)).toBe(1000);
    expect(backoffDelay(3, () => 0, policy)).toBe(4000);
    expect(backoffDelay(3, () => 0.5, policy)).toBe(6000);
  });
  it('never exceeds the cap however many attempts failed', () => {
    for (const attempt of [6, 10, 50, 1000]) expect(backoffDelay(attempt, () => 0.999999, policy)).toBeLessThanOrEqual(60_000);
  });
});
