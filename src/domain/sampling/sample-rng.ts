import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * A PRNG seeded from the SHA-256 of its inputs (for a selection: a purpose tag, the seed
 * text and the population hash). The parts are JSON-encoded before hashing so that
 * ('ab', 'c') and ('a', 'bc') never share a seed. The first 128 bits of the digest are the
 * xoroshiro128+ state, so every seed bit matters (a plain number seed would keep only 32).
 * The generator is mutable: make one per selection run and never share it.
 */
export const seededRng = (parts: readonly string[]): RandomGenerator => {
  const digest = sha256(utf8ToBytes(JSON.stringify(parts)));
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  const state = [0, 1, 2, 3].map((i) => view.getInt32(i * 4, false));
  // xoroshiro128+ never leaves the all-zero state; a 2^-128 chance, handled anyway.
  if (!state.some((s) => s !== 0)) state[0] = 1;
  return xoroshiro128plusFromState(state);
};
