import { api } from '../api';
import { h, replaceChildren } from '../dom';
import { bankName } from '../format';
import type { Investor, Session } from '../types';
import { FormFields, refusalText } from './form-fields';
import { dateOfSeconds, DOCUMENT_TYPES, INVESTOR_TYPES, KYC_LEVELS, SANCTIONS_STATUSES, secondsOfDate } from './investor-choices';

export type InvestorBody = { investor: Record<string, unknown>; pii?: Record<string, unknown> };

/**
 * Unix seconds for a date field: the record's own instant while the date still shows it (an update
 * must not move a 10:00 expiry to midnight), else 00:00 UTC of the date.
 */
function instantOf(date: string, original: number | undefined): number | undefined {
  return original !== undefined && dateOfSeconds(original) === date ? original : secondsOfDate(date);
}

/**
 * The request body from the form, or undefined when a date does not parse (marked beside it). The
 * PII's salt is left to the service, which draws 16 random bytes when none is sent.
 */
function bodyOf(fields: FormFields, withPii: boolean, existing: Investor | undefined): InvestorBody | undefined {
  const dates = { kycExpiresAt: instantOf(fields.value('investor.kycExpiresAt'), existing?.kycExpiresAt), screenedAt: instantOf(fields.value('investor.sanctions.screenedAt'), existing?.sanctions?.screenedAt) };
  if (dates.kycExpiresAt === undefined) fields.mark('investor.kycExpiresAt', 'must be a date.');
  if (dates.screenedAt === undefined) fields.mark('investor.sanctions.screenedAt', 'must be a date.');
  if (dates.kycExpiresAt === undefined || dates.screenedAt === undefined) return undefined;
  const investor = {
    investorId: fields.value('investor.investorId'),
    jurisdiction: fields.value('investor.jurisdiction').toUpperCase(),
    investorType: fields.value('investor.investorType'),
    kycLevel: fields.value('investor.kycLevel'),
    kycExpiresAt: dates.kycExpiresAt,
    sanctions: { status: fields.value('investor.sanctions.status'), listVersion: fields.value('investor.sanctions.listVersion'), screenedAt: dates.screenedAt },
  };
  if (!withPii) return { investor };
  const line2 = fields.value('pii.address.lines[1]');
  const reference = fields.value('pii.documents[0].reference');
  const birthDate = fields.value('pii.birthDate');
  const pii = {
    fullName: fields.value('pii.fullName'),
    birthDate: birthDate === '' ? null : birthDate,
    address: { lines: [fields.value('pii.address.lines[0]'), ...(line2 === '' ? [] : [line2])], postalCode: fields.value('pii.address.postalCode'), city: fields.value('pii.address.city'), country: fields.value('pii.address.country').toUpperCase() },
    documents: reference === '' ? [] : [{ type: fields.value('pii.documents[0].type'), reference, issuingCountry: fields.value('pii.documents[0].issuingCountry').toUpperCase() }],
  };
  return { investor, pii };
}

/** The public record's fields, filled from `existing` when there is one (its id then read-only). */
export function publicFields(fields: FormFields, existing: Investor | undefined): HTMLElement {
  const value = <T>(read: (investor: Investor) => T): T | undefined => (existing === undefined ? undefined : read(existing));
  return h(
    'fieldset',
    { class: 'card form-grid' },
    h('legend', {}, 'Public record (shared ledger)'),
    existing === undefined ? fields.input('investor.investorId', 'Investor id', { required: true, maxlength: 128, placeholder: 'INV-A-0100', hint: 'Opaque: never derived from personal data.' }) : fields.input('investor.investorId', 'Investor id', { required: true, readOnly: true, value: existing.investorId }),
    fields.input('investor.jurisdiction', 'Jurisdiction (ISO 3166 code)', { required: true, maxlength: 2, placeholder: 'CH', value: value((investor) => investor.jurisdiction) }),
    fields.select('investor.investorType', 'Investor type', INVESTOR_TYPES, { required: true, value: value((investor) => investor.investorType) }),
    fields.select('investor.kycLevel', 'KYC level', KYC_LEVELS, { required: true, value: value((investor) => investor.kycLevel) ?? 'standard' }),
    fields.input('investor.kycExpiresAt', 'KYC valid until (UTC)', { required: true, type: 'date', value: value((investor) => dateOfSeconds(investor.kycExpiresAt)) }),
    fields.select('investor.sanctions.status', 'Sanctions screening', SANCTIONS_STATUSES, { required: true, value: value((investor) => investor.sanctions?.status) }),
    fields.input('investor.sanctions.listVersion', 'Screened against list', { required: true, maxlength: 128, placeholder: 'SDN 2026-05-01', value: value((investor) => investor.sanctions?.listVersion) }),
    fields.input('investor.sanctions.screenedAt', 'Screened on (UTC)', { required: true, type: 'date', value: value((investor) => (investor.sanctions?.screenedAt === undefined ? undefined : dateOfSeconds(investor.sanctions.screenedAt))) }),
  );
}

/** The personal-data fields; `required` says whether they must be filled now. */
export function piiFields(fields: FormFields, required: () => boolean): HTMLElement {
  const personal = { personal: true, required } as const;
  return h(
    'fieldset',
    { class: 'card form-grid', 'data-testid': 'pii-fields' },
    h('legend', {}, 'Personal data (the bank\u2019s private collection only)'),
    fields.input('pii.fullName', 'Full name', { ...personal, maxlength: 200 }),
    fields.input('pii.birthDate', 'Birth date (empty for a company)', { personal: true, type: 'date' }),
    fields.input('pii.address.lines[0]', 'Address line', { ...personal, maxlength: 200 }),
    fields.input('pii.address.lines[1]', 'Address line 2', { personal: true, maxlength: 200 }),
    fields.input('pii.address.postalCode', 'Postal code', { personal: true, maxlength: 32 }),
    fields.input('pii.address.city', 'City', { ...personal, maxlength: 100 }),
    fields.input('pii.address.country', 'Country (ISO 3166 code)', { ...personal, maxlength: 2 }),
    fields.select('pii.documents[0].type', 'Identity document', DOCUMENT_TYPES, { personal: true }),
    fields.input('pii.documents[0].reference', 'Document reference (empty: none)', { personal: true, maxlength: 128 }),
    fields.input('pii.documents[0].issuingCountry', 'Issued by (ISO 3166 code)', { personal: true, maxlength: 2, required: () => required() && fields.value('pii.documents[0].reference') !== '' }),
  );
}

/** The parts of an investor form its submission uses. */
export type InvestorFormParts = { readonly form: HTMLFormElement; readonly fields: FormFields; readonly submit: HTMLButtonElement; readonly general: HTMLElement };

/**
 * Sends an investor form (onboarding, update, adoption) with `send` when submitted: required fields
 * and dates are checked here first and nothing is sent while one is marked; the service's problems
 * land beside their fields; once the ledger has the record (or the adoption request), the
 * personal-data inputs are emptied and the investor's page opens.
 */
export function onInvestorSubmit(parts: InvestorFormParts, withPii: () => boolean, existing: Investor | undefined, send: (body: InvestorBody) => Promise<{ readonly investorId: string }>): void {
  const { form, fields, submit, general } = parts;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    fields.clearProblems();
    general.hidden = true;
    const complete = fields.checkRequired();
    const body = bodyOf(fields, withPii(), existing);
    if (!complete || body === undefined) {
      general.textContent = 'Fill in the marked fields; nothing was sent.';
      general.hidden = false;
      return;
    }
    submit.disabled = true;
    send(body).then(
      (saved) => {
        // Personal data leaves the page as soon as the ledger has it.
        fields.clear('pii.');
        location.hash = `#/investors/${encodeURIComponent(saved.investorId)}`;
      },
      (failure: unknown) => {
        submit.disabled = false;
        general.textContent = refusalText(fields, failure);
        general.hidden = false;
      },
    );
  });
}

/**
 * Onboarding (`#/investors/new`) or update (`#/investors/{id}/edit`) of an investor of the
 * officer's bank. Required fields are checked here first; then the service checks everything with
 * compliance's readers and its problems are shown beside the fields they name. The personal-data
 * inputs are emptied once the service has accepted them. An update sends personal data only when
 * "Replace personal data" is ticked (the current PII is never loaded into this page).
 */
export async function renderInvestorForm(app: HTMLElement, session: Session, investorId?: string): Promise<void> {
  if (session.role !== 'compliance-officer') {
    replaceChildren(app, h('p', { class: 'error', role: 'alert' }, 'Only compliance officers onboard or update investors.'));
    return;
  }
  const existing = investorId === undefined ? undefined : await api<Investor>('GET', `/investors/${encodeURIComponent(investorId)}`);
  const fields = new FormFields();
  const replacePii = h('input', { type: 'checkbox', id: 'replace-pii', 'data-testid': 'replace-pii' });
  const withPii = () => existing === undefined || replacePii.checked;
  const pii = piiFields(fields, withPii);
  const general = h('p', { class: 'error', role: 'alert', hidden: true, 'data-testid': 'form-error' });
  const submit = h('button', { type: 'submit', 'data-testid': 'investor-submit' }, existing === undefined ? 'Onboard investor' : 'Save changes');
  const showPii = () => {
    pii.hidden = !withPii();
    fields.setEnabled('pii.', withPii());
  };
  replacePii.addEventListener('change', showPii);
  showPii();
  const form = h(
    'form',
    { class: 'investor-form', novalidate: true, 'data-testid': 'investor-form' },
    publicFields(fields, existing),
    existing === undefined ? null : h('label', { class: 'inline', for: 'replace-pii' }, replacePii, 'Replace personal data too'),
    pii,
    h('div', { class: 'buttons' }, submit, h('a', { href: existing === undefined ? '#/investors' : `#/investors/${encodeURIComponent(existing.investorId)}` }, 'Cancel')),
    general,
  );
  onInvestorSubmit({ form, fields, submit, general }, withPii, existing, (body) => (existing === undefined ? api<Investor>('POST', '/investors', body) : api<Investor>('PUT', `/investors/${encodeURIComponent(existing.investorId)}`, body)));
  replaceChildren(app, h('p', {}, h('a', { href: '#/investors' }, '\u2190 Investors')), h('h1', {}, existing === undefined ? `New investor at ${bankName(session.mspId)}` : `Edit investor ${existing.investorId}`), form);
}
