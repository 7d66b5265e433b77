import { roleIn, type Actor } from './actor';
import { allowed, forbidden, type PermissionResult } from './permission-result';
import type { Role } from '../records/membership';
import { recordBaseShape } from '../records/record-base';
import { RECORD_SCHEMAS, type RecordKind, type RecordOf } from '../records/record-kinds';

/**
 * Which fields of an existing record each role may change (DESIGN.md "Conflicts"): a
 * field written by one role only cannot conflict, because the server refuses every other
 * role's write. The base fields (id, engagementId, version, updatedAt, updatedBy,
 * deleted) and `kind` are never written as fields: the server sets them, and deleting is
 * an action (canPerform).
 *
 * - A client contact writes the response fields of a management-response request and
 *   nothing else; moving a request's `status` (submit, accept, return) is an action
 *   checked by canPerform, not a field edit.
 * - Managers write every other content field.
 * - Auditors write the same, except memberships (the team is the manager's). A reviewer
 *   sign-off is refused by `canSignOff`, since it depends on the value of `level`.
 * - Audit events are append-only and written by the server: no role edits them.
 */

type BaseField = keyof typeof recordBaseShape | 'kind';

/** The fields of a kind that carry its content: everything but the base fields and `kind`. */
export type ContentField<K extends RecordKind> = Exclude<keyof RecordOf<K>, BaseField> & string;

export const CLIENT_OWNED_FIELDS = {
  managementResponseRequest: ['rootCause', 'correctiveAction', 'dateImplemented', 'mitigatingControls', 'disputed', 'disputeReason'],
} as const satisfies { readonly [K in RecordKind]?: readonly ContentField<K>[] };

const NOT_A_MEMBER = 'You are not a member of this engagement';

const BASE_FIELDS: ReadonlySet<string> = new Set([...Object.keys(recordBaseShape), 'kind']);

/** Every content field of `kind`, read off its schema so a new field is covered without edits here. */
export const contentFields = <K extends RecordKind>(kind: K): readonly ContentField<K>[] =>
  Object.keys(RECORD_SCHEMAS[kind].shape).filter((f) => !BASE_FIELDS.has(f)) as ContentField<K>[];

const clientOwned = (kind: RecordKind): readonly string[] => (Object.hasOwn(CLIENT_OWNED_FIELDS, kind) ? CLIENT_OWNED_FIELDS[kind as keyof typeof CLIENT_OWNED_FIELDS] : []);

const fieldsFor = (role: Role, kind: RecordKind): readonly string[] => {
  if (kind === 'auditEvent') return [];
  const owned = clientOwned(kind);
  switch (role) {
    case 'client':
      return owned;
    case 'auditor':
      if (kind === 'membership') return [];
      return contentFields(kind).filter((f) => !owned.includes(f));
    case 'manager':
      return contentFields(kind).filter((f) => !owned.includes(f));
  }
};

/** The content fields of a `kind` record in `engagementId` that `actor` may change; none outside their memberships. */
export const writableFields = <K extends RecordKind>(actor: Actor, kind: K, engagementId: string): readonly ContentField<K>[] => {
  const role = roleIn(actor, engagementId);
  return role === null ? [] : (fieldsFor(role, kind) as readonly ContentField<K>[]);
};

const whyNot = (role: Role, kind: RecordKind, field: string): string => {
  if (BASE_FIELDS.has(field)) return `${field} is set by the server, not written by anyone`;
  if (!(contentFields(kind) as readonly string[]).includes(field)) return `${field} is not a field of a ${kind}`;
  if (kind === 'auditEvent') return 'Audit events are written by the server only';
  if (clientOwned(kind).includes(field)) return `${field} is the client contact’s answer: only they may write it`;
  if (role === 'client') return `A client contact may not change ${field} of a ${kind}`;
  return `Only managers may change ${field} of a ${kind}`;
};

/** May `actor` change `field` of a `kind` record in `engagementId`? Refusals say why. */
export const mayWriteField = (actor: Actor, kind: RecordKind, engagementId: string, field: string): PermissionResult => {
  const role = roleIn(actor, engagementId);
  if (role === null) return forbidden(NOT_A_MEMBER);
  return fieldsFor(role, kind).includes(field) ? allowed : forbidden(whyNot(role, kind, field));
};

/** All of `fields` at once, for an edit that changes several: one refusal naming every field refused. */
export const mayWriteFields = (actor: Actor, kind: RecordKind, engagementId: string, fields: readonly string[]): PermissionResult => {
  const role = roleIn(actor, engagementId);
  if (role === null) return forbidden(NOT_A_MEMBER);
  const writable = fieldsFor(role, kind);
  const refusals = fields.filter((f) => !writable.includes(f)).map((f) => whyNot(role, kind, f));
  return refusals.length === 0 ? allowed : forbidden(refusals.join('; '));
};
