import { z } from 'zod';
import { engagementSchema } from '../../domain/records/engagement';
import type { Membership } from '../../domain/records/membership';
import { defineMutator, fail, ok } from './mutator';

// zod refuses .pick() on a refined object, so pick from its bare shape; the record's
// refinements (period order, Type 1 single date, CC in scope) are checked in apply.
export const createEngagementArgsSchema = z
  .object(engagementSchema.shape)
  .pick({
    id: true,
    name: true,
    clientOrganization: true,
    engagementKind: true,
    periodStart: true,
    periodEnd: true,
    categoriesInScope: true,
    priorEngagementId: true,
  })
  .extend({
    /** Id of the creator's manager membership, made on the client so both sides write the same record. */
    membershipId: z.uuid(),
  })
  .refine((a) => a.membershipId !== a.id, { message: 'The membership needs an id of its own', path: ['membershipId'] });
export type CreateEngagementArgs = z.infer<typeof createEngagementArgsSchema>;

export const createEngagement = defineMutator<CreateEngagementArgs>({
  args: createEngagementArgsSchema,
  target: (a) => ({ kind: 'engagement', id: a.id }),
  engagementOf: () => null,
  apply: async (tx, { membershipId, ...args }, ctx) => {
    if (await tx.get('engagement', args.id)) return fail('invalid', 'An engagement with this id already exists');
    if (await tx.get('membership', membershipId)) return fail('invalid', 'A membership with this id already exists');
    const now = ctx.now();
    const parsed = engagementSchema.safeParse({
      ...args,
      kind: 'engagement',
      engagementId: args.id,
      version: 0,
      updatedAt: now,
      updatedBy: ctx.userId,
      deleted: false,
      status: 'planning',
    });
    if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    await tx.put(parsed.data);
    // Whoever creates an engagement manages it; without this no one could open it.
    const membership: Membership = {
      id: membershipId,
      kind: 'membership',
      engagementId: args.id,
      version: 0,
      updatedAt: now,
      updatedBy: ctx.userId,
      deleted: false,
      userId: ctx.userId,
      role: 'manager',
      organization: null,
    };
    await tx.put(membership);
    return ok;
  },
});
