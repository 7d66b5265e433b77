import { z } from 'zod';
import { deriveOutcome } from '../../domain/fieldwork/derive-outcome';
import { resultSchema, sampleOutcomeSchema } from '../../domain/records/result';
import { defineMutator, fail, ok } from './mutator';

export const recordResultArgsSchema = z.object({
  /** Result id: one result per sample, so the client derives nothing and the server repeats it. */
  id: z.uuid(),
  engagementId: z.uuid(),
  sampleId: z.uuid(),
  marks: resultSchema.shape.marks,
  note: resultSchema.shape.note,
  outcomeOverride: z.object({ outcome: sampleOutcomeSchema, reason: z.string().trim().min(1, 'An override needs a reason') }).nullable(),
});
export type RecordResultArgs = z.infer<typeof recordResultArgsSchema>;

export const recordResult = defineMutator<RecordResultArgs>({
  args: recordResultArgsSchema,
  target: (a) => ({ kind: 'result', id: a.id }),
  engagementOf: (a) => a.engagementId,
  apply: async (tx, args, ctx) => {
    const sample = await tx.get('sample', args.sampleId);
    if (!sample || sample.deleted || sample.engagementId !== args.engagementId) return fail('not_found', 'No such sample in this engagement');
    const procedure = await tx.get('procedure', sample.procedureId);
    if (!procedure || procedure.deleted) return fail('not_found', 'The sample’s procedure no longer exists');
    const keys = procedure.attributes.map((a) => a.key);
    const unknown = Object.keys(args.marks).filter((k) => !keys.includes(k));
    if (unknown.length > 0) return fail('invalid', `Not attributes of this procedure: ${unknown.join(', ')}`);
    const existing = await tx.get('result', args.id);
    if (existing && existing.sampleId !== args.sampleId) return fail('invalid', 'This result belongs to another sample');
    const derived = deriveOutcome(keys, args.marks);
    const now = ctx.now();
    await tx.put({
      id: args.id,
      kind: 'result',
      engagementId: args.engagementId,
      version: existing?.version ?? 0,
      updatedAt: now,
      updatedBy: ctx.userId,
      deleted: false,
      sampleId: args.sampleId,
      procedureId: sample.procedureId,
      marks: args.marks,
      outcome: args.outcomeOverride?.outcome ?? derived,
      outcomeOverrideReason: args.outcomeOverride && args.outcomeOverride.outcome !== derived ? args.outcomeOverride.reason : null,
      note: args.note,
      testerId: ctx.userId,
      testedAt: now,
    });
    return ok;
  },
});
