import type { AnyRecord, RecordKind, RecordOf } from '../domain/records/record-kinds';
import type { OptimisticBase } from './optimistic-base';
import type { ClientMeta, OutboxEntry } from './protocol';

/**
 * What a mutator may touch: records only. The client store and the server's SQL
 * transaction both implement it, so one mutator runs in both places.
 */
export interface MutatorTx {
  get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined>;
  list<K extends RecordKind>(kind: K, engagementId: string): Promise<RecordOf<K>[]>;
  put(record: AnyRecord): Promise<void>;
}

export interface ReadTx {
  get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined>;
  /** Records of one kind, of one engagement when given; tombstones included. */
  list<K extends RecordKind>(kind: K, engagementId?: string): Promise<RecordOf<K>[]>;
  /** Pending mutations in mutationId order. */
  outbox(): Promise<OutboxEntry[]>;
  outboxCount(): Promise<number>;
  getMeta(): Promise<ClientMeta | undefined>;
}

export interface WriteTx extends ReadTx, MutatorTx {
  list<K extends RecordKind>(kind: K, engagementId?: string): Promise<RecordOf<K>[]>;
  /** Physical removal (an engagement leaving the user's scope), not a tombstone. */
  remove(kind: RecordKind, id: string): Promise<void>;
  appendOutbox(entry: OutboxEntry): Promise<void>;
  /** Drops every outbox entry with mutationId ≤ the given one (acknowledged by the server). */
  dropOutboxThrough(mutationId: number): Promise<void>;
  setMeta(meta: ClientMeta): Promise<void>;
  /** Remembers a record's pre-image before an optimistic change; the first one saved per record wins. */
  saveBase(base: OptimisticBase): Promise<void>;
  /** Returns every saved pre-image and forgets them. */
  takeBases(): Promise<OptimisticBase[]>;
}

/**
 * The local store. A write runs all-or-nothing: if `fn` throws, nothing it wrote is kept.
 * `fn` must await only the tx's own methods (IndexedDB commits a transaction that is idle).
 */
export interface Storage {
  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
  close(): void;
}
