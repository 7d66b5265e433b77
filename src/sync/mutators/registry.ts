import type { MutatorName } from '../mutator-names';
import { createEngagement } from './create-engagement';
import type { Mutator } from './mutator';
import { recordResult } from './record-result';

/** Every named mutator; `satisfies` makes adding a name without a mutator a type error. */
export const MUTATORS = {
  createEngagement,
  recordResult,
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- args differ per mutator; MutatorArgs recovers them
} satisfies Record<MutatorName, Mutator<any>>;

export type MutatorArgs<N extends MutatorName> = (typeof MUTATORS)[N] extends Mutator<infer A> ? A : never;
