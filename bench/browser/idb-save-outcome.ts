import { z } from 'zod';

/** What the benchmark page leaves on `window.__benchResult`; the node side parses it. */
export const idbSaveOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    storedRecords: z.number().int().positive(),
    storedSamples: z.number().int().positive(),
    seedMs: z.number().nonnegative(),
    warmup: z.number().int().nonnegative(),
    savesMs: z.array(z.number().nonnegative()).min(1),
    outboxAfter: z.number().int().nonnegative(),
    durability: z.string(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type IdbSaveOutcome = z.infer<typeof idbSaveOutcomeSchema>;
