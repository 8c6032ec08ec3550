/** The investor categories a policy can allow, from least to most sophisticated. */
export const INVESTOR_TYPES = ['retail', 'professional', 'accredited', 'qualified-institutional'] as const;

export type InvestorType = (typeof INVESTOR_TYPES)[number];

/** How problem reports describe an investor type. */
export const INVESTOR_TYPE_FORM = `one of ${INVESTOR_TYPES.map((type) => `"${type}"`).join(', ')}`;

const KNOWN_INVESTOR_TYPES: ReadonlySet<string> = new Set(INVESTOR_TYPES);

/** Whether `value` is one of `INVESTOR_TYPES` (exact, case-sensitive). */
export function isInvestorType(value: unknown): value is InvestorType {
  return typeof value === 'string' && KNOWN_INVESTOR_TYPES.has(value);
}
