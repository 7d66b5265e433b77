import { membershipIn, type Actor, type ActorMembership } from './actor';
import type { AnyRecord, RecordKind, RecordOf } from '../records/record-kinds';
import { toTombstone, type LiveRecord, type VisibleRecord } from './visible-record';

/**
 * Who may read what (DESIGN.md "Security model"); the one rule set for pull, downloads
 * and events on the server and for what the client UI offers.
 *
 * - Managers and auditors read every record of the engagements they are members of.
 * - A client contact reads, of their engagement: the engagement record (with
 *   `priorEngagementId` redacted to null: it names another engagement; `status`, kind,
 *   period and scope are kept: the client knows what is being audited and where it
 *   stands); their own membership; evidence and management-response requests addressed
 *   to their organisation once sent (any status but `draft`); `client` comments on those
 *   requests; attachments owned by those requests or comments. Nothing else.
 *   References inside a visible request (exceptionId, controlId, sampleIds...) are kept:
 *   they are opaque ids, and every read through them is checked again here.
 * - A firm admin is a firm-level role (creating engagements) and reads nothing of an
 *   engagement without a membership in it: being able to create an engagement is not a
 *   reason to see every client's fieldwork.
 * - Whether a record may be read never depends on `deleted`: a tombstone is visible to
 *   whoever could read the record, and is handed out as its base fields only.
 */

/** Finds a record by kind and id; answers need not be trusted (kind and engagement are checked). */
export type RecordLookup = (kind: RecordKind, id: string) => AnyRecord | undefined;

/** The kinds a client contact can ever read; every other kind is refused by kind alone. */
export const CLIENT_READABLE_KINDS = [
  'engagement',
  'membership',
  'evidenceRequest',
  'managementResponseRequest',
  'comment',
  'attachment',
] as const satisfies readonly RecordKind[];

/** A related record, only if it really is of that kind and of the same engagement. */
const related = <K extends RecordKind>(lookup: RecordLookup, kind: K, id: string, engagementId: string): RecordOf<K> | undefined => {
  const found = lookup(kind, id);
  return found && found.kind === kind && found.id === id && found.engagementId === engagementId ? (found as RecordOf<K>) : undefined;
};

type ClientRequest = RecordOf<'evidenceRequest'> | RecordOf<'managementResponseRequest'>;

const requestSentTo = (membership: ActorMembership, request: ClientRequest | undefined): boolean =>
  request !== undefined &&
  membership.organization !== null &&
  request.addresseeOrganization === membership.organization &&
  // A draft is the audit team's until it is sent; every later status (also cancelled) was sent.
  request.status !== 'draft';

const commentVisibleToClient = (membership: ActorMembership, comment: RecordOf<'comment'>, lookup: RecordLookup): boolean =>
  comment.visibility === 'client' && requestSentTo(membership, related(lookup, comment.targetKind, comment.targetId, comment.engagementId));

const attachmentVisibleToClient = (membership: ActorMembership, attachment: RecordOf<'attachment'>, lookup: RecordLookup): boolean => {
  const { ownerKind, ownerId, engagementId } = attachment;
  switch (ownerKind) {
    case 'evidenceRequest':
    case 'managementResponseRequest':
      return requestSentTo(membership, related(lookup, ownerKind, ownerId, engagementId));
    case 'comment': {
      const comment = related(lookup, 'comment', ownerId, engagementId);
      return comment !== undefined && commentVisibleToClient(membership, comment, lookup);
    }
    case 'result':
    case 'exception':
      return false;
  }
};

const clientMayRead = (actor: Actor, membership: ActorMembership, record: AnyRecord, lookup: RecordLookup): boolean => {
  switch (record.kind) {
    case 'engagement':
      return record.id === record.engagementId;
    case 'membership':
      return record.userId === actor.userId;
    case 'evidenceRequest':
    case 'managementResponseRequest':
      return requestSentTo(membership, record);
    case 'comment':
      return commentVisibleToClient(membership, record, lookup);
    case 'attachment':
      return attachmentVisibleToClient(membership, record, lookup);
    case 'control':
    case 'procedure':
    case 'population':
    case 'populationItem':
    case 'sample':
    case 'result':
    case 'exception':
    case 'reviewNote':
    case 'signOff':
    case 'auditEvent':
      return false;
  }
};

const mayRead = (actor: Actor, membership: ActorMembership, record: AnyRecord, lookup: RecordLookup): boolean => {
  switch (membership.role) {
    case 'manager':
    case 'auditor':
      return true;
    case 'client':
      return clientMayRead(actor, membership, record, lookup);
  }
};

/** A fresh copy, so callers may change what they are given without touching the input. */
const live = (record: AnyRecord): LiveRecord => ({ ...structuredClone(record), deleted: false }) as LiveRecord;

const redactFor = (membership: ActorMembership, record: AnyRecord): LiveRecord => {
  const copy = live(record);
  if (membership.role === 'client' && copy.kind === 'engagement') return { ...copy, priorEngagementId: null };
  return copy;
};

/**
 * The record as `actor` may see it (redacted, or as a tombstone), or null when they may
 * not read it at all. `lookup` resolves the request a comment or attachment hangs on.
 */
export const readableView = (actor: Actor, record: AnyRecord, lookup: RecordLookup): VisibleRecord | null => {
  const membership = membershipIn(actor, record.engagementId);
  if (!membership || !mayRead(actor, membership, record, lookup)) return null;
  return record.deleted ? toTombstone(record) : redactFor(membership, record);
};

/** Single-record check, e.g. before serving an attachment's bytes or an event about a record. */
export const canReadRecord = (actor: Actor, record: AnyRecord, lookup: RecordLookup): boolean => readableView(actor, record, lookup) !== null;

const keyOf = (kind: RecordKind, id: string): string => `${kind}:${id}`;

/**
 * What `actor` may read of `records`, redacted, tombstones as base fields; new objects,
 * the input is not touched. Records outside the actor's memberships are dropped whatever
 * the caller loaded. A comment or attachment is resolved against its request inside
 * `records` and `context`; when `records` is a delta (a pull since a cookie), pass the
 * engagement's requests and comments as `context`: they are consulted, never returned.
 * A relation that cannot be resolved hides the record (fail closed).
 */
export const visibleRecords = (actor: Actor, records: readonly AnyRecord[], context: readonly AnyRecord[] = []): VisibleRecord[] => {
  const index = new Map<string, AnyRecord>();
  for (const r of context) index.set(keyOf(r.kind, r.id), r);
  for (const r of records) index.set(keyOf(r.kind, r.id), r);
  const lookup: RecordLookup = (kind, id) => index.get(keyOf(kind, id));
  const visible: VisibleRecord[] = [];
  for (const record of records) {
    const view = readableView(actor, record, lookup);
    if (view) visible.push(view);
  }
  return visible;
};
