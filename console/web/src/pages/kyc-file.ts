import { api, ApiError, messageOf } from '../api';
import { h, replaceChildren } from '../dom';

type EvidenceFile = { readonly fileId: string; readonly size: number; readonly base64: string };

/**
 * The file id of an investor's KYC file. A convention until the ledger's investor record names its
 * evidence files: the bank seals each investor's KYC file under this id.
 */
export function kycFileIdOf(investorId: string): string {
  return `KYC-${investorId}`;
}

// The vault's refusals in the words an officer needs: what happened and what to do; the service's
// own sentence and code follow, so support can match it.
const PLAIN_WORDS: Readonly<Record<string, string>> = {
  VAULT_NOT_ENOUGH_SHARES: 'Not enough banks\u2019 share services are reachable to open this file right now.',
  VAULT_ACCESS_DENIED: 'The banks\u2019 share services refused to open this file for you; the refusal is recorded on the ledger.',
  OFFICER_VAULT_NOT_CONFIGURED: 'This console is not connected to the evidence vault.',
  OFFICER_EVIDENCE_NOT_FOUND: 'Your bank holds no KYC file for this investor.',
};

function explain(failure: unknown): string {
  const plain = failure instanceof ApiError ? PLAIN_WORDS[failure.code] : undefined;
  return plain === undefined ? messageOf(failure) : `${plain} ${messageOf(failure)}`;
}

function decodeText(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** "Open KYC file" for one party: asks the service to open it through the vault and shows the text or why not. */
export function kycFileButton(investorId: string): HTMLElement {
  const fileId = kycFileIdOf(investorId);
  const output = h('div', { 'data-testid': `kyc-${investorId}` });
  const button = h('button', { type: 'button', 'data-testid': `open-kyc-${investorId}` }, `Open KYC file of ${investorId}`);
  button.addEventListener('click', () => {
    button.disabled = true;
    replaceChildren(output, h('p', {}, 'Asking the banks\u2019 share services\u2026'));
    api<EvidenceFile>('GET', `/investors/${encodeURIComponent(investorId)}/evidence/${encodeURIComponent(fileId)}`)
      .then((file) => replaceChildren(output, h('p', {}, `${file.fileId}, ${file.size} bytes:`), h('pre', { class: 'card', 'data-testid': `kyc-text-${investorId}` }, decodeText(file.base64))))
      .catch((failure: unknown) => replaceChildren(output, h('p', { class: 'error', role: 'alert', 'data-testid': `kyc-error-${investorId}` }, explain(failure))))
      .finally(() => {
        button.disabled = false;
      });
  });
  return h('div', { class: 'kyc-file' }, button, output);
}
