import { SANCTIONS_ENTRY_KINDS, type SanctionsEntryKind, type SanctionsList } from './sanctions-entry';

/** How many entries a list holds, by kind and by program. */
export interface ListSummary {
  readonly entries: number;
  /** Every kind, in the order of `SANCTIONS_ENTRY_KINDS`, zero when absent. */
  readonly byKind: readonly { readonly kind: SanctionsEntryKind; readonly count: number }[];
  /** Most entries first, then by name; an entry under several programs counts in each. */
  readonly byProgram: readonly { readonly program: string; readonly count: number }[];
}

/** Counts a list's entries by kind and by program, in a fixed order. */
export function summariseList(list: SanctionsList): ListSummary {
  const kinds = new Map<SanctionsEntryKind, number>(SANCTIONS_ENTRY_KINDS.map((kind) => [kind, 0]));
  const programs = new Map<string, number>();
  for (const entry of list.entries) {
    kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
    for (const program of entry.programs) programs.set(program, (programs.get(program) ?? 0) + 1);
  }
  return {
    entries: list.entries.length,
    byKind: SANCTIONS_ENTRY_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    byProgram: [...programs]
      .map(([program, count]) => ({ program, count }))
      .sort((a, b) => b.count - a.count || (a.program < b.program ? -1 : a.program > b.program ? 1 : 0)),
  };
}
