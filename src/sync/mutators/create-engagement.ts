import { z } from 'zod';
import { engagementSchema } from '../../domain/records/engagement';
import { defineMutator, fail, ok } from './mutator';

// zod refuses .pick() on a refined object, so pick from its bare shape; the record's
// refinements (period order, Type 1 single date, CC in scope) are checked in apply.
export const createEngagementArgsSchema = z.object(engagementSchema.shape).pick({
  id: true,
  name: true,
  clientOrganization: true,
  engagementKind: true,
  periodStart: true,
  periodEnd: true,
  categoriesInScope: true,
  priorEngagementId: true,
});
export type CreateEngagementArgs = z.infer<typeof createEngagementArgsSchema>;

export const createEngagement = defineMutator<CreateEngagementArgs>({
  args: createEngagementArgsSchema,
  target: (a) => ({ kind: 'engagement', id: a.id }),
  apply: async (tx, args, ctx) => {
    if (await tx.get('engagement', args.id)) return fail('invalid', 'An engagement with this id already exists');
    const parsed = engagementSchema.safeParse({
      ...args,
      kind: 'engagement',
      engagementId: args.id,
      version: 0,
      updatedAt: ctx.now(),
      updatedBy: ctx.userId,
      deleted: false,
      status: 'planning',
    });
    if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    await tx.put(parsed.data);
    return ok;
  },
});
