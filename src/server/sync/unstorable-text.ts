// Without the u flag a regex sees UTF-16 code units: a high surrogate not followed by a low one, or a low one alone.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses a lone UTF-16
 * surrogate; zod's string schemas accept both. Found before the write, such a value is
 * refused as invalid input with its place named, instead of failing the statement.
 * Returns the path of the first such string, or null.
 */
export const findUnstorableText = (value: unknown, path: string): string | null => {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findUnstorableText(v, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnstorableText(k, `${path}.${k}`) ?? findUnstorableText(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
};

/** `text` with what PostgreSQL cannot store replaced, for messages that may quote input. */
export const toStorableText = (text: string): string => text.replaceAll('\u0000', '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
