import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { CLIENT_READABLE_KINDS } from '../../src/domain/permissions/read-rules';
import type { AnyRecord, RecordKind, RecordOf } from '../../src/domain/records/record-kinds';
import type { PullResponse } from '../../src/sync/protocol';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { DEMO_TYPE1, DEMO_TYPE2 } from '../../src/server/seed/demo-records';
import { openAuthApp, type AuthApp } from './auth-harness';
import { applyAnswers, demoSample, expectedHoldings, mutation, putRecords, signedInSession } from './sync-harness';
import { TEST_DBS } from './test-dbs';

const NOW = '2026-04-01T10:00:00.000Z';
const HASH = 'cd'.repeat(32);
const FORBIDDEN_KINDS: RecordKind[] = ['result', 'sample', 'population', 'populationItem', 'procedure', 'control', 'exception', 'reviewNote', 'signOff', 'auditEvent'];

type Request = RecordOf<'evidenceRequest'>;
type MgmtRequest = RecordOf<'managementResponseRequest'>;
type Comment = RecordOf<'comment'>;
type Attachment = RecordOf<'attachment'>;

const base = (engagementId: string, by: string) => ({ id: v7(), engagementId, version: 0, updatedAt: NOW, updatedBy: by, deleted: false });

/** Requests, comments and attachments of every visibility, in both demo engagements. */
const seedRequests = async (h: AuthApp) => {
  const by = h.userIds.manager;
  const repo = createRecordsRepo(h.t.db);
  const [procedure] = await repo.list('procedure', h.type2);
  const [sample] = await repo.list('sample', h.type2);
  if (!procedure || !sample) throw new Error('demo data without procedure or sample');
  const request = (engagementId: string, title: string, addresseeOrganization: string, status: Request['status']): Request => ({
    ...base(engagementId, by),
    kind: 'evidenceRequest',
    title,
    detail: `${title} detail`,
    controlId: procedure.controlId,
    procedureId: procedure.id,
    sampleIds: [sample.id],
    addresseeOrganization,
    addresseeUserId: null,
    dueDate: '2026-05-01',
    status,
    returnReason: '',
  });
  const comment = (target: Request | MgmtRequest, visibility: Comment['visibility'], body: string): Comment => ({
    ...base(target.engagementId, by),
    kind: 'comment',
    targetKind: target.kind,
    targetId: target.id,
    body,
    visibility,
    authorId: by,
  });
  const attachment = (owner: { id: string; engagementId: string }, ownerKind: Attachment['ownerKind'], name: string): Attachment => ({
    ...base(owner.engagementId, by),
    kind: 'attachment',
    sha256: HASH,
    name,
    mimeType: 'application/pdf',
    size: 10,
    ownerKind,
    ownerId: owner.id,
    stored: true,
  });

  const sent = request(h.type2, 'Sent to Northwind', DEMO_TYPE2.clientOrganization, 'sent');
  const draft = request(h.type2, 'Draft for Northwind', DEMO_TYPE2.clientOrganization, 'draft');
  const elsewhere = request(h.type2, 'Sent to someone else', 'Someone Else Ltd', 'sent');
  const exception: RecordOf<'exception'> = {
    ...base(h.type2, by),
    kind: 'exception',
    procedureId: procedure.id,
    sampleIds: [sample.id],
    nature: 'evidence_missing',
    description: 'No approval evidence',
    downstreamImpact: false,
    downstreamImpactDetail: '',
    status: 'open',
  };
  const mrr: MgmtRequest = {
    ...base(h.type2, by),
    kind: 'managementResponseRequest',
    exceptionId: exception.id,
    addresseeOrganization: DEMO_TYPE2.clientOrganization,
    addresseeUserId: null,
    dueDate: '2026-05-15',
    status: 'sent',
    rootCause: '',
    correctiveAction: '',
    dateImplemented: null,
    mitigatingControls: '',
    disputed: false,
    disputeReason: '',
  };
  const clientOnSent = comment(sent, 'client', 'Please upload the ticket');
  const internalOnSent = comment(sent, 'internal', 'INTERNAL: they were late last year');
  const clientOnDraft = comment(draft, 'client', 'Draft comment');
  const clientOnElsewhere = comment(elsewhere, 'client', 'For someone else');
  const clientOnMrr = comment(mrr, 'client', 'Please respond');
  const type1Request = request(h.type1, 'Sent to Other Co', DEMO_TYPE1.clientOrganization, 'sent');
  const type1Comment = comment(type1Request, 'client', 'Other Co comment');
  const reviewNote: RecordOf<'reviewNote'> = { ...base(h.type2, by), kind: 'reviewNote', targetKind: 'procedure', targetId: procedure.id, body: 'Check the population', status: 'open', authorId: by };
  const signOff: RecordOf<'signOff'> = { ...base(h.type2, by), kind: 'signOff', targetKind: 'procedure', targetId: procedure.id, level: 'reviewer', targetVersion: procedure.version, signerId: by, signedAt: NOW };
  const auditEvent: RecordOf<'auditEvent'> = { ...base(h.type2, by), kind: 'auditEvent', actorId: by, action: 'createEngagement', targetKind: 'engagement', targetId: h.type2, clientId: null, clientTime: null, serverTime: NOW, detail: {} };

  const auditor = await signedInSession(h, 'auditor');
  const resultArgs = (await demoSample(h)).args();
  expect((await auditor.push([mutation(1, 'recordResult', resultArgs)])).results[0]?.status).toBe('applied');

  const attachments = {
    onSent: attachment(sent, 'evidenceRequest', 'sent.pdf'),
    onClientComment: attachment(clientOnSent, 'comment', 'client-comment.pdf'),
    onInternalComment: attachment(internalOnSent, 'comment', 'internal-comment.pdf'),
    onDraft: attachment(draft, 'evidenceRequest', 'draft.pdf'),
    onElsewhere: attachment(elsewhere, 'evidenceRequest', 'elsewhere.pdf'),
    onException: attachment(exception, 'exception', 'exception.pdf'),
    onResult: attachment({ id: resultArgs.id, engagementId: h.type2 }, 'result', 'result.pdf'),
    onMrr: attachment(mrr, 'managementResponseRequest', 'mrr.pdf'),
    onType1: attachment(type1Request, 'evidenceRequest', 'type1.pdf'),
  };
  await putRecords(h, [sent, draft, elsewhere, exception, mrr, clientOnSent, internalOnSent, clientOnDraft, clientOnElsewhere, clientOnMrr, type1Request, type1Comment, reviewNote, signOff, auditEvent, ...Object.values(attachments)]);
  return { sent, draft, elsewhere, mrr, clientOnSent, internalOnSent, clientOnDraft, clientOnElsewhere, clientOnMrr, type1Request, type1Comment, attachments };
};

type Seeded = Awaited<ReturnType<typeof seedRequests>>;

const puts = (answers: readonly PullResponse[]): AnyRecord[] => answers.flatMap((a) => a.patch.flatMap((op) => (op.op === 'put' ? [op.value] : [])));
const dels = (answers: readonly PullResponse[]) => answers.flatMap((a) => a.patch.flatMap((op) => (op.op === 'del' ? [op] : [])));
const ids = (records: readonly { id: string }[]) => new Set(records.map((r) => r.id));

describe.each(TEST_DBS)('what a client contact is sent on $name', (target) => {
  let h: AuthApp;
  let s: Seeded;
  beforeAll(async () => {
    h = await openAuthApp(target);
    s = await seedRequests(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('client@demo.test gets the sent requests of its organisation with their client comments and attachments, and nothing else', async () => {
    const client = await signedInSession(h, 'client');
    const answers = await client.pullAll(null);
    const sent = puts(answers);

    for (const r of sent) {
      expect(r.engagementId).toBe(h.type2);
      expect(FORBIDDEN_KINDS).not.toContain(r.kind);
      if (r.kind === 'membership') expect(r.userId).toBe(h.userIds.client);
      if (r.kind === 'comment') expect(r.visibility).toBe('client');
      if (r.kind === 'evidenceRequest' || r.kind === 'managementResponseRequest') {
        expect(r.status).not.toBe('draft');
        expect(r.addresseeOrganization).toBe(DEMO_TYPE2.clientOrganization);
      }
      if (r.kind === 'engagement') expect(r.priorEngagementId).toBeNull();
    }
    // Nothing of what it may not see goes out even as a bare id: a first pull has nothing to delete.
    expect(dels(answers)).toEqual([]);
    const forbiddenIds = [s.draft, s.elsewhere, s.internalOnSent, s.clientOnDraft, s.clientOnElsewhere, s.type1Request, s.type1Comment, s.attachments.onInternalComment, s.attachments.onDraft, s.attachments.onElsewhere, s.attachments.onException, s.attachments.onResult, s.attachments.onType1].map((r) => r.id);
    const body = JSON.stringify(answers);
    for (const id of forbiddenIds) expect(body).not.toContain(id);
    expect(body).not.toContain('INTERNAL');

    expect(ids(sent)).toEqual(
      ids([
        { id: h.type2 },
        await (async () => ({ id: (await createRecordsRepo(h.t.db).list('membership', h.type2)).find((m) => m.userId === h.userIds.client)?.id ?? 'missing' }))(),
        s.sent,
        s.mrr,
        s.clientOnSent,
        s.clientOnMrr,
        s.attachments.onSent,
        s.attachments.onClientComment,
        s.attachments.onMrr,
      ]),
    );
    expect(applyAnswers(answers)).toEqual(await expectedHoldings(h, h.userIds.client));
  });

  it('client@other.test sees nothing of Demo Type 2', async () => {
    const other = await signedInSession(h, 'otherClient');
    const answers = await other.pullAll(null);
    const body = JSON.stringify(answers);
    expect(body).not.toContain(h.type2);
    expect(body).not.toContain(DEMO_TYPE2.clientOrganization);
    expect(new Set(puts(answers).map((r) => r.engagementId))).toEqual(new Set([h.type1]));
    expect(ids(puts(answers))).toContain(s.type1Request.id);
    expect(ids(puts(answers))).toContain(s.type1Comment.id);
    expect(applyAnswers(answers)).toEqual(await expectedHoldings(h, h.userIds.otherClient));
  });

  it('follows visibility changes: a comment turned internal and a request taken back are deleted with what hangs on them; a request sent arrives with its comments', async () => {
    const client = await signedInSession(h, 'client');
    const first = await client.pullAll(null);
    let local = applyAnswers(first);
    const cookie = first.at(-1)?.cookie ?? 0;

    await putRecords(h, [{ ...s.clientOnSent, visibility: 'internal' }, { ...s.draft, status: 'sent' }, { ...s.mrr, status: 'draft' }]);
    const answers = await client.pullAll(cookie);
    const deleted = dels(answers).map((d) => `${d.kind}:${d.id}`).sort();
    expect(deleted).toEqual(
      [`comment:${s.clientOnSent.id}`, `attachment:${s.attachments.onClientComment.id}`, `managementResponseRequest:${s.mrr.id}`, `comment:${s.clientOnMrr.id}`, `attachment:${s.attachments.onMrr.id}`].sort(),
    );
    // Unchanged themselves, the now-sent request's client comment and attachment come with it.
    expect(ids(puts(answers))).toEqual(ids([s.draft, s.clientOnDraft, s.attachments.onDraft]));
    for (const d of dels(answers)) expect((CLIENT_READABLE_KINDS as readonly string[]).includes(d.kind)).toBe(true);
    local = applyAnswers(answers, local);
    expect(local).toEqual(await expectedHoldings(h, h.userIds.client));
  });
});
