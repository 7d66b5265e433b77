import { z } from 'zod';
import { isoDate, nonEmptyText, recordBaseShape } from './record-base';

export const populationSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('population'),
  name: nonEmptyText.max(200),
  source: z.string().max(500),
  itemCount: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the canonical form of the items: the selection is tied to it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: z.iso.datetime({ offset: true }),
});

/** Extra columns from the import, kept as text so nothing is lost or reinterpreted. */
export const populationItemFieldsSchema = z.record(z.string(), z.string());

export const populationItemSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('populationItem'),
  populationId: z.uuid(),
  key: nonEmptyText.max(200),
  label: z.string().max(1000),
  date: isoDate,
  fields: populationItemFieldsSchema,
});

export type Population = z.infer<typeof populationSchema>;
export type PopulationItem = z.infer<typeof populationItemSchema>;
