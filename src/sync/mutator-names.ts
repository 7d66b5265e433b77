import { z } from 'zod';

/** Kept apart from the mutators so the protocol schema does not pull in their code. */
export const mutatorNameSchema = z.enum(['createEngagement', 'recordResult']);
export type MutatorName = z.infer<typeof mutatorNameSchema>;
