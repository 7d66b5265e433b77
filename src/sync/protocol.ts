import { z } from 'zod';
import { anyRecordSchema, recordKindSchema } from '../domain/records/record-kinds';
import { mutatorNameSchema } from './mutator-names';

/** Bumped whenever the wire format changes incompatibly; the server answers 426 to others. */
export const PROTOCOL_VERSION = 1;

export const clientIdSchema = z.uuid();

export const mutationSchema = z.object({
  /** Gapless per client, starting at 1. */
  id: z.number().int().positive(),
  name: mutatorNameSchema,
  /** Validated by the named mutator's own args schema. */
  args: z.unknown(),
  /** Version of the record the user was looking at; null for a new record. */
  baseVersion: z.number().int().nonnegative().nullable(),
  clientTime: z.iso.datetime({ offset: true }),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const outboxEntrySchema = mutationSchema.extend({ clientId: clientIdSchema });
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const clientMetaSchema = z.object({
  clientId: clientIdSchema,
  nextMutationId: z.number().int().positive(),
  /** Server version the local records are complete up to; null before the first pull. */
  cookie: z.number().int().nonnegative().nullable(),
});
export type ClientMeta = z.infer<typeof clientMetaSchema>;

export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  clientId: clientIdSchema,
  mutations: z.array(mutationSchema).max(500),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(['applied', 'duplicate', 'rejected', 'conflict']),
  code: z.string().optional(),
  message: z.string().optional(),
});
export const pushResponseSchema = z.object({ lastMutationId: z.number().int().nonnegative(), results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  protocolVersion: z.number().int(),
  clientId: clientIdSchema,
  cookie: z.number().int().nonnegative().nullable(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const patchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), kind: recordKindSchema, id: z.uuid(), value: anyRecordSchema }),
  z.object({ op: z.literal('del'), kind: recordKindSchema, id: z.uuid() }),
]);
export type PatchOp = z.infer<typeof patchOpSchema>;

export const pullResponseSchema = z.object({
  cookie: z.number().int().nonnegative(),
  lastMutationId: z.number().int().nonnegative(),
  patch: z.array(patchOpSchema),
  /** Engagement ids whose local copy must be dropped before the patch applies. */
  reset: z.array(z.uuid()).optional(),
  more: z.boolean().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const healthResponseSchema = z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;
