// The choices the investor form offers. The lists are compliance's (policy/investor-type.ts,
// ledger/investor.ts KYC_LEVELS, rules/transfer-check-input.ts SANCTIONS_STATUSES,
// ledger/investor-pii.ts IDENTITY_DOCUMENT_TYPES); the console does not import the compliance
// package (it is built for the browser alone), and the service checks every value again with
// compliance's own readers, so a list drifting here shows as the service's error, never as bad data.

export const INVESTOR_TYPES = ['retail', 'professional', 'accredited', 'qualified-institutional'] as const;
export const KYC_LEVELS = ['simplified', 'standard', 'enhanced'] as const;
export const SANCTIONS_STATUSES = ['clear', 'hit', 'pending'] as const;
export const DOCUMENT_TYPES = ['passport', 'national-id', 'residence-permit', 'driving-licence', 'company-register-extract', 'other'] as const;

/** "2027-03-01" from Unix seconds (UTC), for a date input. */
export function dateOfSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Unix seconds at 00:00 UTC of a "YYYY-MM-DD" date; undefined for anything else. */
export function secondsOfDate(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}
