import { describe, expect, it } from 'vitest';
import { CATEGORIES, CRITERIA, categoryOf, criterionIdSchema } from './criteria';

describe('trust services criteria seed', () => {
  it('ships all 61 criteria with unique ids, counted per category as the reference says', () => {
    expect(new Set(CRITERIA.map((c) => c.id)).size).toBe(61);
    for (const cat of CATEGORIES) {
      expect(CRITERIA.filter((c) => categoryOf(c.id) === cat.code)).toHaveLength(cat.criteriaCount);
    }
  });

  it('accepts known ids and names the problem for unknown ones', () => {
    expect(criterionIdSchema.safeParse('CC6.1').success).toBe(true);
    expect(criterionIdSchema.safeParse('PI1.5').success).toBe(true);
    const bad = criterionIdSchema.safeParse('CC6.9');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/'CC6\.9' is not one of the 61/);
  });

  it('derives the category from an id', () => {
    expect(categoryOf('CC9.2')).toBe('CC');
    expect(categoryOf('PI1.1')).toBe('PI');
    expect(categoryOf('P8.1')).toBe('P');
    expect(categoryOf('A1.3')).toBe('A');
  });
});
