import { deleteDB } from 'idb';
import { v7 } from 'uuid';
import { openIdbStorage } from '../../src/client/storage/idb-storage';
import { recordResultArgs, testContext } from '../../src/client/storage/storage-test-records';
import type { AnyRecord } from '../../src/domain/records/record-kinds';
import type { AttributeMark } from '../../src/domain/records/result';
import { ensureClientMeta } from '../../src/sync/client-meta';
import { runMutation } from '../../src/sync/run-mutation';
import type { Storage } from '../../src/sync/storage';
import type { IdbSaveOutcome } from './idb-save-outcome';
import { seedEngagement } from './seed-engagement';

declare global {
  interface Window {
    __benchResult?: IdbSaveOutcome;
  }
}

const SEED_BATCH = 2_000;

const seed = async (storage: Storage, records: readonly AnyRecord[]) => {
  for (let i = 0; i < records.length; i += SEED_BATCH) {
    const batch = records.slice(i, i + SEED_BATCH);
    await storage.write((tx) => Promise.all(batch.map((r) => tx.put(r))).then(() => undefined));
  }
};

const run = async (): Promise<IdbSaveOutcome> => {
  const params = new URLSearchParams(location.search);
  const controls = Number(params.get('controls') ?? '250');
  const samplesPerControl = Number(params.get('samplesPerControl') ?? '60');
  const saves = Number(params.get('saves') ?? '200');
  const warmup = Number(params.get('warmup') ?? '20');
  const durabilityParam = params.get('durability');
  const durability = durabilityParam === 'strict' || durabilityParam === 'relaxed' ? durabilityParam : undefined;

  const dbName = `tickmark-bench-${v7()}`;
  const opened = await openIdbStorage(dbName, durability ? { durability } : {});
  if (!opened.ok) return { ok: false, error: `${opened.code}: ${opened.message}` };
  const storage = opened.storage;
  try {
    await ensureClientMeta(storage, () => v7());
    const seeded = seedEngagement({ controls, samplesPerControl, testedShare: 0.5 });
    const seedStart = performance.now();
    await seed(storage, seeded.records);
    const seedMs = performance.now() - seedStart;

    const ctx = testContext('auditor-bench');
    const marks: Record<string, AttributeMark>[] = [
      { approved: 'pass', timely: 'pass' },
      { approved: 'pass', timely: 'fail' },
      { approved: 'pass' },
      { approved: 'na', timely: 'na' },
    ];
    const savesMs: number[] = [];
    for (let i = 0; i < warmup + saves; i++) {
      // Three in four saves test a fresh sample; the fourth revisits a tested one.
      const revisit = i % 4 === 3 ? seeded.tested[i % seeded.tested.length] : undefined;
      const sample = revisit ? revisit.sample : seeded.untested[i % seeded.untested.length];
      if (!sample) throw new Error('the seed has too few samples for this many saves');
      const args = recordResultArgs(sample, { ...(revisit ? { id: revisit.resultId } : {}), marks: marks[i % marks.length] ?? {} });
      const t0 = performance.now();
      const r = await runMutation(storage, 'recordResult', args, ctx);
      const dt = performance.now() - t0;
      if (!r.ok) throw new Error(`save ${i} was refused: ${r.code}: ${r.message}`);
      if (i >= warmup) savesMs.push(dt);
    }
    const [storedSamples, outboxAfter] = await storage.read(async (tx) => [(await tx.list('sample', seeded.engagementId)).length, await tx.outboxCount()]);
    return {
      ok: true,
      storedRecords: seeded.records.length,
      storedSamples,
      seedMs,
      warmup,
      savesMs,
      outboxAfter,
      durability: durability ?? 'default',
    };
  } finally {
    storage.close();
    await deleteDB(dbName);
  }
};

const status = document.getElementById('status');
run()
  .catch((e: unknown): IdbSaveOutcome => ({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }))
  .then((outcome) => {
    window.__benchResult = outcome;
    if (status) status.textContent = outcome.ok ? 'done' : `failed: ${outcome.error}`;
  });
