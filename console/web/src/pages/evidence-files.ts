import { api, ApiError, messageOf } from '../api';
import { h, replaceChildren } from '../dom';
import { bankName, instant } from '../format';
import type { Session } from '../types';

/** A registered evidence file as the ledger lists it (the service's GET /investors/{id}/evidence). */
type EvidenceRecord = { readonly fileId: string; readonly kind: string; readonly size: number; readonly registeredAt: string; readonly bankMsp: string };
type EvidencePage = { readonly investorId: string; readonly records: readonly EvidenceRecord[]; readonly bookmark: string };
type OpenedFile = { readonly fileId: string; readonly size: number; readonly base64: string };

// The refusals in the words an officer needs: what happened and what to do; the service's own
// sentence and code follow, so support can match it.
const PLAIN_WORDS: Readonly<Record<string, string>> = {
  VAULT_NOT_ENOUGH_SHARES: 'Not enough banks\u2019 share services are reachable to open this file right now.',
  VAULT_ACCESS_DENIED: 'The banks\u2019 share services refused to open this file for you; the refusal is recorded on the ledger.',
  OFFICER_VAULT_NOT_CONFIGURED: 'This console is not connected to the evidence vault.',
  OFFICER_EVIDENCE_NOT_FOUND: 'The ledger names no such file for this investor.',
  CALLER_OF_OTHER_BANK: 'An investor\u2019s evidence files are for the officers of their own bank and the regulator.',
};

function explain(failure: unknown): string {
  const plain = failure instanceof ApiError ? PLAIN_WORDS[failure.code] : undefined;
  return plain === undefined ? messageOf(failure) : `${plain} ${messageOf(failure)}`;
}

function decodeText(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const evidencePath = (investorId: string, fileId?: string): string =>
  `/investors/${encodeURIComponent(investorId)}/evidence${fileId === undefined ? '' : `/${encodeURIComponent(fileId)}`}`;

/** One registered file: what the ledger says of it, and "Open", which asks the service to open it through the vault. */
function fileRow(investorId: string, file: EvidenceRecord): HTMLElement {
  const key = `${investorId}-${file.fileId}`;
  const output = h('div', { 'data-testid': `evidence-output-${key}` });
  const button = h('button', { type: 'button', 'data-testid': `open-evidence-${key}` }, `Open ${file.fileId}`);
  button.addEventListener('click', () => {
    button.disabled = true;
    replaceChildren(output, h('p', {}, 'Asking the banks\u2019 share services\u2026'));
    api<OpenedFile>('GET', evidencePath(investorId, file.fileId))
      .then((opened) => replaceChildren(output, h('p', {}, `${opened.fileId}, ${opened.size} bytes:`), h('pre', { class: 'card', 'data-testid': `evidence-text-${key}` }, decodeText(opened.base64))))
      .catch((failure: unknown) => replaceChildren(output, h('p', { class: 'error', role: 'alert', 'data-testid': `evidence-error-${key}` }, explain(failure))))
      .finally(() => {
        button.disabled = false;
      });
  });
  const facts = `${file.fileId}: ${file.kind} file, ${file.size} bytes, registered ${instant(file.registeredAt)} by ${file.bankMsp}`;
  return h('li', { 'data-testid': `evidence-file-${key}` }, h('span', {}, facts), ' ', button, output);
}

/** Files asked of the ledger at a time; "More files" asks for the next page from where the last ended. */
export const EVIDENCE_PAGE_SIZE = 10;

const pagePath = (investorId: string, bookmark: string): string =>
  `${evidencePath(investorId)}?pageSize=${EVIDENCE_PAGE_SIZE}${bookmark === '' ? '' : `&bookmark=${encodeURIComponent(bookmark)}`}`;

/**
 * An investor's evidence files as the ledger registers them (content hash on the ledger, sealed
 * file at the bank), each to open through the evidence vault, a page at a time with "More files"
 * while the ledger has more. An officer of another bank than the investor's is told whose files
 * they are without asking: the ledger would refuse the list (CALLER_OF_OTHER_BANK); the regulator asks.
 */
export function evidenceFiles(party: { readonly investorId: string; readonly bankMsp: string }, session: Session): HTMLElement {
  const { investorId } = party;
  if (session.role !== 'regulator' && session.mspId !== party.bankMsp) {
    return h('div', { class: 'evidence-files' }, h('h3', {}, investorId), h('p', { 'data-testid': `evidence-${investorId}` }, `${investorId}’s evidence files are for the officers of ${bankName(party.bankMsp)} and the regulator.`));
  }
  const list = h('div', { 'data-testid': `evidence-${investorId}` }, h('p', {}, `Looking up ${investorId}\u2019s files\u2026`));
  const files = h('ul', {});
  const more = h('button', { type: 'button', 'data-testid': `evidence-more-${investorId}` }, 'More files');
  const status = h('p', { 'data-testid': `evidence-count-${investorId}` });
  let shown = 0;

  const showPage = (bookmark: string): void => {
    more.disabled = true;
    api<EvidencePage>('GET', pagePath(investorId, bookmark))
      .then((page) => {
        files.append(...page.records.map((file) => fileRow(investorId, file)));
        shown += page.records.length;
        // A peer may hand back a bookmark with a full last page; the page after it is empty.
        const finished = page.bookmark === '' || page.records.length === 0;
        if (shown === 0) {
          replaceChildren(list, h('p', {}, `No evidence files are registered for ${investorId}.`));
          return;
        }
        status.textContent = finished ? `${shown} file${shown === 1 ? '' : 's'}.` : `${shown} files shown; the ledger has more.`;
        replaceChildren(list, files, status, ...(finished ? [] : [more]));
        more.onclick = () => showPage(page.bookmark);
        more.disabled = false;
      })
      .catch((failure: unknown) => {
        list.append(h('p', { class: 'error', 'data-testid': `evidence-list-error-${investorId}` }, explain(failure)));
        more.disabled = false;
      });
  };
  showPage('');
  return h('div', { class: 'evidence-files' }, h('h3', {}, investorId), list);
}
