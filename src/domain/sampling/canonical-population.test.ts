import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalizePopulation, populationSha256, type PopulationItemContent } from './canonical-population';
import { populationSchema } from '../records/population';

const item = (key: string, date: string, fields: Record<string, string> = {}, label = `Item ${key}`): PopulationItemContent => ({ key, label, date, fields });

const itemArb = fc.record({
  key: fc.string({ minLength: 1, maxLength: 10 }),
  label: fc.string({ maxLength: 20 }),
  date: fc.constantFrom('2025-01-01', '2025-03-15', '2025-06-01', '2025-12-31'),
  fields: fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 4 }),
});
const populationArb = fc.uniqueArray(itemArb, { minLength: 1, maxLength: 15, selector: (i) => i.key.normalize('NFC') });

/** Same content: rows in another order, and each item's field columns in reverse order. */
const reordered = (items: readonly PopulationItemContent[], order: readonly number[]): PopulationItemContent[] =>
  order.map((i) => {
    const it = items[i];
    if (!it) throw new Error('bad order');
    return { ...it, fields: Object.fromEntries(Object.entries(it.fields).reverse()) };
  });

const permutationArb = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

describe('canonicalizePopulation', () => {
  it('writes items sorted by key with fields sorted by name', () => {
    const text = canonicalizePopulation([item('B-2', '2025-02-01', { z: '1', a: '2' }), item('A-1', '2025-01-01')]);
    expect(text).toBe('tickmark-population-v1\n[["A-1","Item A-1","2025-01-01",[]],["B-2","Item B-2","2025-02-01",[["a","2"],["z","1"]]]]');
  });
  it('applies NFC, so composed and decomposed accents are the same text', () => {
    const composed = [item('caf\u00e9', '2025-01-01', { 'r\u00e9f': '\u00e9' }, 'caf\u00e9')];
    const decomposed = [item('cafe\u0301', '2025-01-01', { 're\u0301f': 'e\u0301' }, 'cafe\u0301')];
    expect(canonicalizePopulation(decomposed)).toBe(canonicalizePopulation(composed));
  });
  it('trims nothing: surrounding whitespace is part of the content', () => {
    expect(populationSha256([item('A-1 ', '2025-01-01')])).not.toBe(populationSha256([item('A-1', '2025-01-01')]));
    expect(populationSha256([item('A-1', '2025-01-01', {}, ' x')])).not.toBe(populationSha256([item('A-1', '2025-01-01', {}, 'x')]));
    expect(populationSha256([item('A-1', '2025-01-01', { f: 'v ' })])).not.toBe(populationSha256([item('A-1', '2025-01-01', { f: 'v' })]));
  });
  it('keeps lone surrogates distinguishable', () => {
    expect(populationSha256([item('\ud800', '2025-01-01')])).not.toBe(populationSha256([item('\udc00', '2025-01-01')]));
  });
  it('is independent of item order and of field order, even with tied keys', () => {
    const tied = [item('K', '2025-01-01', {}, 'one'), item('K', '2025-01-01', {}, 'two')];
    expect(canonicalizePopulation(tied)).toBe(canonicalizePopulation([...tied].reverse()));
  });
});

describe('populationSha256', () => {
  it('is the SHA-256 of the UTF-8 canonical text, in the form the population record stores', () => {
    fc.assert(
      fc.property(populationArb, (items) => {
        const hash = populationSha256(items);
        const expected = createHash('sha256').update(canonicalizePopulation(items), 'utf8').digest('hex');
        expect(hash).toBe(expected);
        expect(populationSchema.shape.sha256.safeParse(hash).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('does not change when rows or field columns are reordered', () => {
    fc.assert(
      fc.property(
        populationArb.chain((items) => fc.tuple(fc.constant(items), permutationArb(items.length))),
        ([items, order]) => populationSha256(reordered(items, order)) === populationSha256(items),
      ),
    );
  });

  it('changes when any one key, label, date, field name, field value or field set changes', () => {
    const mutations = ['key', 'label', 'date', 'fieldValue', 'fieldName', 'addField', 'removeField', 'dropItem'] as const;
    fc.assert(
      fc.property(populationArb, fc.nat(), fc.constantFrom(...mutations), (items, pick, mutation) => {
        const at = pick % items.length;
        const target = items[at];
        if (!target) throw new Error('no item');
        const fieldNames = Object.keys(target.fields);
        const firstField = fieldNames[0];
        let changed: PopulationItemContent;
        switch (mutation) {
          case 'key':
            changed = { ...target, key: `${target.key}~` };
            if (items.some((i) => i.key.normalize('NFC') === changed.key.normalize('NFC'))) return; // would duplicate another row
            break;
          case 'label':
            changed = { ...target, label: `${target.label}x` };
            break;
          case 'date':
            changed = { ...target, date: target.date === '2025-06-01' ? '2025-06-02' : '2025-06-01' };
            break;
          case 'fieldValue':
            if (firstField === undefined) return;
            changed = { ...target, fields: { ...target.fields, [firstField]: `${target.fields[firstField] ?? ''}!` } };
            break;
          case 'fieldName': {
            if (firstField === undefined) return;
            const renamed = `${firstField}#`;
            if (fieldNames.some((n) => n.normalize('NFC') === renamed.normalize('NFC'))) return;
            const { [firstField]: value, ...rest } = target.fields;
            changed = { ...target, fields: { ...rest, [renamed]: value ?? '' } };
            break;
          }
          case 'addField': {
            const added = '\u0000new';
            if (fieldNames.includes(added)) return;
            changed = { ...target, fields: { ...target.fields, [added]: '' } };
            break;
          }
          case 'removeField': {
            if (firstField === undefined) return;
            const { [firstField]: _removed, ...rest } = target.fields;
            changed = { ...target, fields: rest };
            break;
          }
          case 'dropItem':
            if (items.length === 1) return;
            expect(populationSha256(items.filter((_, i) => i !== at))).not.toBe(populationSha256(items));
            return;
        }
        const mutated = items.map((it, i) => (i === at ? changed : it));
        expect(populationSha256(mutated)).not.toBe(populationSha256(items));
      }),
      { numRuns: 300 },
    );
  });

  it('stays the same across releases for a known population', () => {
    // Stored populations and their samples carry this hash; if the canonical form ever has to
    // change, bump its version tag instead of silently changing old hashes.
    const items = [item('CHG-1002', '2025-03-04', { ticket: 'JIRA-7', approver: 'Dana' }), item('CHG-1001', '2025-01-15', { ticket: 'JIRA-3' })];
    expect(populationSha256(items)).toBe('ae3b2a798b918628ea20b124954d788fab56e4c3faa2aefd3e70404880f804cf');
    expect(canonicalizePopulation(items)).toBe(
      'tickmark-population-v1\n[["CHG-1001","Item CHG-1001","2025-01-15",[["ticket","JIRA-3"]]],["CHG-1002","Item CHG-1002","2025-03-04",[["approver","Dana"],["ticket","JIRA-7"]]]]',
    );
  });
});
