import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../sync/storage';
import { procedureRecord } from './storage-test-records';

/** Optimistic pre-images: kept per record (first wins), taken all at once, rolled back with their write. */
export const describeBasesContract = (storage: () => Storage): void => {
  describe('optimistic bases', () => {
    it('keeps the first pre-image saved for a record and hands every one back once', async () => {
      const original = procedureRecord(v7());
      const fresh = procedureRecord(v7());
      await storage().write(async (tx) => {
        await tx.saveBase({ kind: 'procedure', id: original.id, previous: original });
        await tx.saveBase({ kind: 'procedure', id: original.id, previous: { ...original, steps: 'later edit' } });
        await tx.saveBase({ kind: 'procedure', id: fresh.id, previous: null });
      });
      const taken = await storage().write((tx) => tx.takeBases());
      expect(taken).toHaveLength(2);
      expect(taken.find((b) => b.id === original.id)?.previous).toEqual(original);
      expect(taken.find((b) => b.id === fresh.id)?.previous).toBeNull();
      expect(await storage().write((tx) => tx.takeBases())).toEqual([]);
    });

    it('rolls back saved and taken bases with a write that throws', async () => {
      const record = procedureRecord(v7());
      await storage().write((tx) => tx.saveBase({ kind: 'procedure', id: record.id, previous: record }));
      await expect(
        storage().write(async (tx) => {
          await tx.takeBases();
          await tx.saveBase({ kind: 'procedure', id: v7(), previous: null });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const taken = await storage().write((tx) => tx.takeBases());
      expect(taken.map((b) => b.id)).toEqual([record.id]);
    });
  });
};
