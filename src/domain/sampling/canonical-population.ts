import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { PopulationItem } from '../records/population';

/** The content of a population item that the hash (and so the sample selection) is tied to. */
export type PopulationItemContent = Pick<PopulationItem, 'key' | 'label' | 'date' | 'fields'>;

/** Bumped if the canonical form ever changes, so old and new hashes can never be confused. */
const CANONICAL_TAG = 'tickmark-population-v1';

/**
 * Unicode NFC, and nothing else: the same text typed on two systems (é as one code point or
 * as e + combining accent) is the same text. No trimming, case folding or whitespace
 * collapsing: a stray space is a real difference in the client's data and must show.
 */
export const normalizeText = (text: string): string => text.normalize('NFC');

/** Code-unit order, never localeCompare: the order must not depend on the device's locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type CanonicalItem = [key: string, label: string, date: string, fields: Array<[name: string, value: string]>];

const canonicalItem = (item: PopulationItemContent): CanonicalItem => [
  normalizeText(item.key),
  normalizeText(item.label),
  normalizeText(item.date),
  Object.entries(item.fields)
    .map(([name, value]): [string, string] => [normalizeText(name), normalizeText(value)])
    .sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1])),
];

/**
 * The canonical text of a population: one JSON array of items, each
 * `[key, label, date, [[fieldName, value], ...]]`, every string NFC-normalised, fields sorted
 * by name and items sorted by key. The result is the same whatever order the rows or the
 * field columns came in. Items whose keys tie (a population that failed validation) are
 * ordered by their whole serialisation, so even then the text is order-independent.
 * JSON.stringify escapes lone surrogates, so no input text is lost on the way to UTF-8.
 */
export const canonicalizePopulation = (items: readonly PopulationItemContent[]): string => {
  const rows = items.map((item) => {
    const c = canonicalItem(item);
    return { key: c[0], json: JSON.stringify(c) };
  });
  rows.sort((a, b) => compareText(a.key, b.key) || compareText(a.json, b.json));
  return `${CANONICAL_TAG}\n[${rows.map((r) => r.json).join(',')}]`;
};

/** SHA-256 (lowercase hex) of the UTF-8 bytes of the canonical text. */
export const populationSha256 = (items: readonly PopulationItemContent[]): string =>
  bytesToHex(sha256(utf8ToBytes(canonicalizePopulation(items))));
