import type { Engagement, EngagementKind, EngagementStatus } from '../../../domain/records/engagement';
import type { OutboxEntry } from '../../../sync/protocol';
import type { Mutator } from '../../../sync/mutators/mutator';
import { MUTATORS } from '../../../sync/mutators/registry';

export type EngagementListItem = {
  readonly engagement: Engagement;
  /** Never accepted by the server (version 0), or a change to it still waits in the outbox. */
  readonly unsynced: boolean;
};

/** `kind:id` of every record a pending mutation edits. */
export const pendingTargets = (outbox: readonly OutboxEntry[]): Set<string> => {
  const targets = new Set<string>();
  for (const entry of outbox) {
    const mutator = MUTATORS[entry.name] as unknown as Mutator<unknown>;
    const args = mutator.args.safeParse(entry.args);
    if (!args.success) continue;
    const target = mutator.target(args.data);
    targets.add(`${target.kind}:${target.id}`);
  }
  return targets;
};

/** Live engagements, newest first (ids are UUID v7, so they sort by creation time). */
export const engagementListFrom = (engagements: readonly Engagement[], outbox: readonly OutboxEntry[]): EngagementListItem[] => {
  const pending = pendingTargets(outbox);
  return engagements
    .filter((e) => !e.deleted)
    .toSorted((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((engagement) => ({ engagement, unsynced: engagement.version === 0 || pending.has(`engagement:${engagement.id}`) }));
};

export const KIND_LABELS: Record<EngagementKind, string> = {
  readiness: 'Readiness',
  type1: 'Type 1',
  type2: 'Type 2',
};

export const STATUS_LABELS: Record<EngagementStatus, string> = {
  planning: 'Planning',
  fieldwork: 'Fieldwork',
  review: 'Review',
  reported: 'Reported',
  archived: 'Archived',
};

/** Type 1 is as of one date; the others cover a period. */
export const periodText = (e: Pick<Engagement, 'engagementKind' | 'periodStart' | 'periodEnd'>): string =>
  e.engagementKind === 'type1' ? `As of ${e.periodStart}` : `${e.periodStart} – ${e.periodEnd}`;
