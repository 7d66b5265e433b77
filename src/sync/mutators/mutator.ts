import type { z } from 'zod';
import type { RecordKind } from '../../domain/records/record-kinds';
import type { MutatorTx } from '../storage';

export type MutatorContext = {
  /** The acting user: on the client the signed-in user, on the server the session's. */
  readonly userId: string;
  /** ISO timestamp; passed in so mutators stay pure and testable. */
  readonly now: () => string;
};

export type MutatorErrorCode = 'invalid' | 'not_found' | 'forbidden' | 'locked';

export type MutatorResult = { readonly ok: true } | { readonly ok: false; readonly code: MutatorErrorCode; readonly message: string };

export type Mutator<A> = {
  readonly args: z.ZodType<A>;
  /** The record the action edits, so its version can travel as the mutation's base. */
  readonly target: (args: A) => { readonly kind: RecordKind; readonly id: string };
  /**
   * The engagement the action changes, so the server can check membership, role and
   * status before running it; null only for an action that creates an engagement.
   */
  readonly engagementOf: (args: A) => string | null;
  readonly apply: (tx: MutatorTx, args: A, ctx: MutatorContext) => Promise<MutatorResult>;
};

export const defineMutator = <A>(m: Mutator<A>): Mutator<A> => m;

export const ok: MutatorResult = { ok: true };
export const fail = (code: MutatorErrorCode, message: string): MutatorResult => ({ ok: false, code, message });
