import { describe, expect, it } from 'vitest';
import { findUnstorableText, toStorableText } from './unstorable-text';

describe('findUnstorableText', () => {
  it('names the first string PostgreSQL cannot store: a NUL or a lone surrogate, in values or keys', () => {
    expect(findUnstorableText({ note: 'fine', marks: { a: 'x\u0000y' } }, 'result')).toBe('result.marks.a');
    expect(findUnstorableText({ list: ['ok', 'bad\ud800'] }, 'r')).toBe('r.list.1');
    expect(findUnstorableText({ ['k\udc00']: 1 }, 'r')).toBe('r.k\udc00');
  });

  it('accepts every well-formed string, surrogate pairs (emoji) included', () => {
    expect(findUnstorableText({ note: 'Approved 👍 — ok', n: 1, b: null, nested: [{ t: 'ü' }] }, 'r')).toBeNull();
  });

  it('replaces what cannot be stored in a message', () => {
    expect(toStorableText('a\u0000b\ud800c👍')).toBe('a\uFFFDb\uFFFDc👍');
  });
});
