import { z } from 'zod';
import { actorMembershipSchema, type ActorMembership } from '../../domain/permissions/actor';

/** What a client was sent of one engagement: as which role (and organisation) it saw it. */
export const scopeSchema = z.array(actorMembershipSchema);
export type Scope = z.infer<typeof scopeSchema>;

export type ScopePlan = {
  /** Held by the client complete up to its cookie, seen the same way: sent from the cookie on. */
  readonly continuing: readonly ActorMembership[];
  /** New to the client (or to be sent again from scratch): sent from version 0. */
  readonly fresh: readonly ActorMembership[];
  /** Engagement ids the client must drop before applying the patch. */
  readonly reset: readonly string[];
};

const sameView = (a: ActorMembership, b: ActorMembership): boolean => a.role === b.role && a.organization === b.organization;

/**
 * How to bring a client from the scope it was sent (`previous`; null when its cookie is
 * unknown here) to the actor's scope now. An engagement left is reset. One seen
 * differently now (another role or organisation) is reset and sent again in full: what
 * the client holds was filtered for the old view. With an unknown cookie every engagement
 * is reset and sent in full, since the client may hold anything.
 */
export const planScope = (current: readonly ActorMembership[], previous: readonly ActorMembership[] | null): ScopePlan => {
  if (previous === null) return { continuing: [], fresh: current, reset: current.map((m) => m.engagementId).sort() };
  const before = new Map(previous.map((m) => [m.engagementId, m]));
  const now = new Set(current.map((m) => m.engagementId));
  const continuing: ActorMembership[] = [];
  const fresh: ActorMembership[] = [];
  const reset: string[] = previous.filter((m) => !now.has(m.engagementId)).map((m) => m.engagementId);
  for (const m of current) {
    const was = before.get(m.engagementId);
    if (was && sameView(was, m)) continuing.push(m);
    else {
      fresh.push(m);
      if (was) reset.push(m.engagementId);
    }
  }
  return { continuing, fresh, reset: reset.sort() };
};
