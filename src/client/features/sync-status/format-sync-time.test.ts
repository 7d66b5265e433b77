import { describe, expect, it } from 'vitest';
import { formatSyncTime } from './format-sync-time';

describe('formatSyncTime', () => {
  const at = new Date(2026, 4, 4, 14, 5, 9);

  it('shows only the clock time for a sync today', () => {
    const text = formatSyncTime(at.toISOString(), new Date(2026, 4, 4, 23, 0));
    expect(text).toMatch(/05/);
    expect(text).not.toMatch(/2026/);
  });

  it('adds the date for a sync on another day', () => {
    expect(formatSyncTime(at.toISOString(), new Date(2026, 4, 5, 9, 0))).toMatch(/2026/);
  });

  it('shows what it was given when that is not a time', () => {
    expect(formatSyncTime('soon')).toBe('soon');
  });
});
