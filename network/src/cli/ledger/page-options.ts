import type { Command } from 'commander';

/** How many records a list prints unless --page-size says otherwise. */
export const DEFAULT_PAGE_SIZE = '25';

/** The options of a paged list command. */
export type PageOptions = { as: string; json?: boolean; pageSize: string; bookmark: string };

/** Adds --page-size and --bookmark; the chaincode checks the size (PAGE_SIZE_INVALID) and the bookmark. */
export function withPageOptions(command: Command): Command {
  return command
    .option('--page-size <n>', 'records per page (1 to 100)', DEFAULT_PAGE_SIZE)
    .option('--bookmark <bookmark>', 'where the previous page ended (from its "next:" line)', '');
}
