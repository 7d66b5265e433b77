import { describe, expect, it } from 'vitest';
import { formatBytes, formatShare } from './format-bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [5.25 * 1024 ** 3, '5.3 GB'],
    [3 * 1024 ** 5, '3072 TB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('says unknown for nonsense input', () => {
    expect(formatBytes(-1)).toBe('unknown');
    expect(formatBytes(Number.NaN)).toBe('unknown');
  });
});

describe('formatShare', () => {
  it('rounds to one decimal below 10% and to whole percents above', () => {
    expect(formatShare(1, 8)).toBe('13%');
    expect(formatShare(1, 40)).toBe('2.5%');
    expect(formatShare(0, 100)).toBe('0%');
  });

  it('never shows a tiny usage as 0%', () => {
    expect(formatShare(1, 10_000)).toBe('<0.1%');
  });

  it('says unknown without a quota', () => {
    expect(formatShare(5, 0)).toBe('unknown');
  });
});
