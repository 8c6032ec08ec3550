/** One page of a list query: the records, and the bookmark to pass for the next page ("" after the last). */
export type LedgerPage<T> = {
  readonly records: readonly T[];
  readonly bookmark: string;
  readonly fetchedRecordsCount: number;
};

/** One version of a record from its key's history, newest first as Fabric returns them. */
export type HistoryEntry<T> = {
  readonly txId: string;
  /** The writing transaction's timestamp, ISO 8601 UTC. */
  readonly timestamp: string;
  readonly isDelete: boolean;
  /** Null for a deletion. */
  readonly record: T | null;
};
