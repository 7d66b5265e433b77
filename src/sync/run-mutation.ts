import type { MutatorName } from './mutator-names';
import type { Mutator, MutatorContext, MutatorErrorCode } from './mutators/mutator';
import { MUTATORS, type MutatorArgs } from './mutators/registry';
import { optimisticTx } from './optimistic-tx';
import type { Storage } from './storage';

export type RunMutationResult =
  | { readonly ok: true; readonly mutationId: number }
  | { readonly ok: false; readonly code: MutatorErrorCode | 'no_client'; readonly message: string };

/**
 * A user action on the client: the mutator's effect and its outbox entry are written in
 * one transaction, so nothing the user saved exists only in memory or only half.
 */
export const runMutation = async <N extends MutatorName>(
  storage: Storage,
  name: N,
  rawArgs: MutatorArgs<N>,
  ctx: MutatorContext,
): Promise<RunMutationResult> => {
  const mutator = MUTATORS[name] as unknown as Mutator<MutatorArgs<N>>;
  const parsed = mutator.args.safeParse(rawArgs);
  if (!parsed.success) {
    return { ok: false, code: 'invalid', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ') };
  }
  const args = parsed.data;
  const target = mutator.target(args);
  return storage.write(async (tx): Promise<RunMutationResult> => {
    const meta = await tx.getMeta();
    if (!meta) return { ok: false, code: 'no_client', message: 'This device has no client id yet' };
    const base = await tx.get(target.kind, target.id);
    const result = await mutator.apply(optimisticTx(tx), args, ctx);
    if (!result.ok) throw new MutationRefused(result.code, result.message);
    const mutationId = meta.nextMutationId;
    await tx.appendOutbox({
      clientId: meta.clientId,
      id: mutationId,
      name,
      args,
      baseVersion: base ? base.version : null,
      clientTime: ctx.now(),
    });
    await tx.setMeta({ ...meta, nextMutationId: mutationId + 1 });
    return { ok: true, mutationId };
  }).catch((e: unknown) => {
    // Thrown inside the transaction so whatever the mutator had written is rolled back.
    if (e instanceof MutationRefused) return { ok: false, code: e.code, message: e.message } as const;
    throw e;
  });
};

class MutationRefused extends Error {
  constructor(
    readonly code: MutatorErrorCode,
    message: string,
  ) {
    super(message);
  }
}
