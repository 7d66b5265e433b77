import { roleIn, type Actor } from '../../domain/permissions/actor';
import { CLIENT_READABLE_KINDS, visibleRecords } from '../../domain/permissions/read-rules';
import type { VisibleRecord } from '../../domain/permissions/visible-record';
import type { AnyRecord, RecordKind } from '../../domain/records/record-kinds';
import type { PatchOp } from '../../sync/protocol';
import type { Queryable } from '../store/db';
import { createPullRecordsRepo } from './pull-records-repo';

const keyOf = (kind: RecordKind, id: string): string => `${kind}:${id}`;
const recordKey = (r: { readonly kind: RecordKind; readonly id: string }): string => keyOf(r.kind, r.id);

const REQUEST_KINDS = ['evidenceRequest', 'managementResponseRequest'] as const satisfies readonly RecordKind[];

const clientReadableKind = (kind: RecordKind): boolean => (CLIENT_READABLE_KINDS as readonly RecordKind[]).includes(kind);

const readsAsClient = (actor: Actor, r: AnyRecord): boolean => roleIn(actor, r.engagementId) === 'client';

/**
 * Could a client contact have been sent this changed record before? Then, now that they
 * may not read it, it goes out as a `del`. Only kinds a client can ever read qualify (and
 * of memberships only their own), so no id of another kind reaches them.
 */
const mayHaveHeld = (actor: Actor, r: AnyRecord): boolean => readsAsClient(actor, r) && clientReadableKind(r.kind) && (r.kind !== 'membership' || r.userId === actor.userId);

/**
 * Of the unchanged comments and attachments under a request or comment the client may no
 * longer read: those it could have held (an internal comment never was its).
 */
const childMayHaveHeld = (r: AnyRecord): boolean => (r.kind === 'comment' && r.visibility === 'client') || r.kind === 'attachment';

/** The record an unchanged child hangs on: a comment's request, an attachment's owner. */
const parentKey = (child: AnyRecord): string | null => {
  if (child.kind === 'comment') return keyOf(child.targetKind, child.targetId);
  if (child.kind === 'attachment') return keyOf(child.ownerKind, child.ownerId);
  return null;
};

/** The request a comment or attachment hangs on directly, if any. */
const requestOf = (r: AnyRecord): { readonly kind: RecordKind; readonly id: string } | null => {
  if (r.kind === 'comment') return { kind: r.targetKind, id: r.targetId };
  if (r.kind === 'attachment' && (r.ownerKind === 'evidenceRequest' || r.ownerKind === 'managementResponseRequest')) return { kind: r.ownerKind, id: r.ownerId };
  return null;
};

const toOp = (view: VisibleRecord): PatchOp => (view.deleted ? { op: 'del', kind: view.kind, id: view.id } : { op: 'put', kind: view.kind, id: view.id, value: view });

/**
 * Turns one page of changed records into patch ops for `actor`, with the read rules
 * (filter and redact). For a client contact it is more than a filter:
 * - a comment or attachment is judged by its request (and comment), loaded as context
 *   even when they did not change;
 * - a request or comment that changed may just have become readable (sent) or not (back
 *   to draft, readdressed, turned internal): what hangs on it, unchanged itself, goes out
 *   again with it, as puts if now readable, as dels if its parent no longer is.
 * A readable record goes out as a put (a tombstone as a del); an unreadable one as a del
 * if the client may have held it, else not at all. Of an engagement sent in full
 * (`fresh`) the client holds nothing yet, so none of its records goes out as a del.
 */
export const buildPatch = async (q: Queryable, actor: Actor, page: readonly AnyRecord[], fresh: ReadonlySet<string>): Promise<PatchOp[]> => {
  const repo = createPullRecordsRepo(q);
  const asClient = page.filter((r) => readsAsClient(actor, r));
  const changedRequests = asClient.filter((r) => r.kind === 'evidenceRequest' || r.kind === 'managementResponseRequest');
  const changedComments = asClient.filter((r) => r.kind === 'comment');
  const children = await repo.childrenOf(
    asClient.map((r) => r.engagementId),
    changedRequests.map((r) => r.id),
    changedComments.map((r) => r.id),
  );

  const records: AnyRecord[] = [...page];
  const seen = new Set(page.map(recordKey));
  const childKeys = new Set<string>();
  for (const c of children) {
    if (seen.has(recordKey(c))) continue;
    seen.add(recordKey(c));
    childKeys.add(recordKey(c));
    records.push(c);
  }

  // Context the read rules resolve relations against: comments, then the requests.
  const commentIds = records.flatMap((r) => (r.kind === 'attachment' && r.ownerKind === 'comment' && !seen.has(keyOf('comment', r.ownerId)) ? [r.ownerId] : []));
  const contextComments = await repo.byIds(['comment'], commentIds);
  const requestIds = [...records, ...contextComments].flatMap((r) => {
    const request = requestOf(r);
    return request && !seen.has(keyOf(request.kind, request.id)) ? [request.id] : [];
  });
  const contextRequests = await repo.byIds(REQUEST_KINDS, requestIds);

  const visible = new Map(visibleRecords(actor, records, [...contextComments, ...contextRequests]).map((v) => [recordKey(v), v]));
  const patch: PatchOp[] = [];
  for (const r of records) {
    const view = visible.get(recordKey(r));
    if (view) patch.push(toOp(view));
    else if (fresh.has(r.engagementId)) continue;
    else if (childKeys.has(recordKey(r))) {
      // Under a parent still readable, an unreadable child never was the client's (it would have changed itself).
      const parent = parentKey(r);
      const parentView = parent === null ? undefined : visible.get(parent);
      if (childMayHaveHeld(r) && (parentView === undefined || parentView.deleted)) patch.push({ op: 'del', kind: r.kind, id: r.id });
    } else if (mayHaveHeld(actor, r)) patch.push({ op: 'del', kind: r.kind, id: r.id });
  }
  return patch;
};
