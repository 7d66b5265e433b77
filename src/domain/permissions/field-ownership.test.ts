import { describe, expect, it } from 'vitest';
import { CLIENT_OWNED_FIELDS, contentFields, mayWriteField, mayWriteFields, writableFields } from './field-ownership';
import { ACTORS, ENGAGEMENT, OTHER_ENGAGEMENT, RECORD_KINDS, VIEWERS, worldOf } from './permission-test-actors';
import type { RecordKind } from '../records/record-kinds';

const RESPONSE_FIELDS = ['rootCause', 'correctiveAction', 'dateImplemented', 'mitigatingControls', 'disputed', 'disputeReason'];
const BASE = ['id', 'engagementId', 'version', 'updatedAt', 'updatedBy', 'deleted', 'kind'];

describe('contentFields', () => {
  it('are the record’s keys without the base fields, for every kind', () => {
    const world = worldOf(ENGAGEMENT);
    for (const kind of RECORD_KINDS) {
      expect([...contentFields(kind)].sort(), kind).toEqual(Object.keys(world[kind]).filter((k) => !BASE.includes(k)).sort());
    }
  });
});

describe('client-owned fields', () => {
  it('are the response fields of a management-response request, and only those', () => {
    expect(CLIENT_OWNED_FIELDS).toEqual({ managementResponseRequest: RESPONSE_FIELDS });
  });

  it.each(RESPONSE_FIELDS)('%s is written by the client contact, refused to manager and auditor', (field) => {
    expect(mayWriteField(ACTORS.client, 'managementResponseRequest', ENGAGEMENT, field).ok).toBe(true);
    for (const viewer of ['manager', 'auditor'] as const) {
      expect(mayWriteField(ACTORS[viewer], 'managementResponseRequest', ENGAGEMENT, field)).toEqual({
        ok: false,
        code: 'forbidden',
        message: `${field} is the client contact’s answer: only they may write it`,
      });
    }
  });
});

/**
 * Per kind, which content fields each role may change in their engagement:
 * 'all' content fields, 'none', 'team' = all but the client-owned ones, 'response' = the client-owned ones.
 */
type Grant = 'all' | 'none' | 'team' | 'response';
// prettier-ignore
const WRITES: Record<RecordKind, readonly [manager: Grant, auditor: Grant, client: Grant, nonMember: Grant, adminNonMember: Grant]> = {
  //                           manager   auditor   client      nonMember adminNonMember
  engagement:                [ 'all',    'all',    'none',     'none',   'none' ],
  membership:                [ 'all',    'none',   'none',     'none',   'none' ],
  control:                   [ 'all',    'all',    'none',     'none',   'none' ],
  procedure:                 [ 'all',    'all',    'none',     'none',   'none' ],
  population:                [ 'all',    'all',    'none',     'none',   'none' ],
  populationItem:            [ 'all',    'all',    'none',     'none',   'none' ],
  sample:                    [ 'all',    'all',    'none',     'none',   'none' ],
  result:                    [ 'all',    'all',    'none',     'none',   'none' ],
  exception:                 [ 'all',    'all',    'none',     'none',   'none' ],
  managementResponseRequest: [ 'team',   'team',   'response', 'none',   'none' ],
  evidenceRequest:           [ 'all',    'all',    'none',     'none',   'none' ],
  comment:                   [ 'all',    'all',    'none',     'none',   'none' ],
  reviewNote:                [ 'all',    'all',    'none',     'none',   'none' ],
  signOff:                   [ 'all',    'all',    'none',     'none',   'none' ],
  attachment:                [ 'all',    'all',    'none',     'none',   'none' ],
  auditEvent:                [ 'none',   'none',   'none',     'none',   'none' ],
};

const expand = (kind: RecordKind, grant: Grant): string[] => {
  const all = [...contentFields(kind)];
  switch (grant) {
    case 'all':
      return all;
    case 'none':
      return [];
    case 'team':
      return all.filter((f) => !RESPONSE_FIELDS.includes(f));
    case 'response':
      return RESPONSE_FIELDS;
  }
};

describe('write matrix: role × record kind × own/other engagement', () => {
  const rows = RECORD_KINDS.flatMap((kind) => VIEWERS.map((viewer, i) => ({ kind, viewer, grant: WRITES[kind][i] ?? 'none' })));

  it.each(rows)('$viewer writes $grant of a $kind in their engagement, none in another', ({ kind, viewer, grant }) => {
    const expected = expand(kind, grant);
    expect([...writableFields(ACTORS[viewer], kind, ENGAGEMENT)].sort()).toEqual([...expected].sort());
    expect(writableFields(ACTORS[viewer], kind, OTHER_ENGAGEMENT)).toEqual([]);
    for (const field of contentFields(kind)) {
      expect(mayWriteField(ACTORS[viewer], kind, ENGAGEMENT, field).ok, field).toBe(expected.includes(field));
      expect(mayWriteField(ACTORS[viewer], kind, OTHER_ENGAGEMENT, field).ok, field).toBe(false);
    }
  });
});

describe('refusals', () => {
  it('never lets anyone write the base fields', () => {
    for (const field of BASE) expect(mayWriteField(ACTORS.manager, 'control', ENGAGEMENT, field).ok, field).toBe(false);
    expect(mayWriteField(ACTORS.manager, 'control', ENGAGEMENT, 'version')).toEqual({ ok: false, code: 'forbidden', message: 'version is set by the server, not written by anyone' });
  });

  it('names an unknown field', () => {
    expect(mayWriteField(ACTORS.manager, 'control', ENGAGEMENT, 'colour')).toEqual({ ok: false, code: 'forbidden', message: 'colour is not a field of a control' });
  });

  it('explains each role’s refusal', () => {
    expect(mayWriteField(ACTORS.auditor, 'membership', ENGAGEMENT, 'role')).toEqual({ ok: false, code: 'forbidden', message: 'Only managers may change role of a membership' });
    expect(mayWriteField(ACTORS.client, 'managementResponseRequest', ENGAGEMENT, 'dueDate')).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'A client contact may not change dueDate of a managementResponseRequest',
    });
    expect(mayWriteField(ACTORS.manager, 'auditEvent', ENGAGEMENT, 'detail')).toEqual({ ok: false, code: 'forbidden', message: 'Audit events are written by the server only' });
    expect(mayWriteField(ACTORS.adminNonMember, 'control', ENGAGEMENT, 'ref')).toEqual({ ok: false, code: 'forbidden', message: 'You are not a member of this engagement' });
  });

  it('checks several fields at once and names every refused one', () => {
    expect(mayWriteFields(ACTORS.client, 'managementResponseRequest', ENGAGEMENT, ['rootCause', 'disputed']).ok).toBe(true);
    expect(mayWriteFields(ACTORS.client, 'managementResponseRequest', ENGAGEMENT, [])).toEqual({ ok: true });
    expect(mayWriteFields(ACTORS.manager, 'managementResponseRequest', ENGAGEMENT, ['dueDate', 'rootCause', 'disputed'])).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'rootCause is the client contact’s answer: only they may write it; disputed is the client contact’s answer: only they may write it',
    });
    expect(mayWriteFields(ACTORS.nonMember, 'control', ENGAGEMENT, ['ref'])).toEqual({ ok: false, code: 'forbidden', message: 'You are not a member of this engagement' });
  });
});
