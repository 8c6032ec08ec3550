const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** How problem reports describe an audit timestamp. */
export const ISO_INSTANT_FORM = 'an instant in ISO 8601 UTC with milliseconds, such as "2026-03-01T10:00:00.000Z"';

/** Whether `value` has the form `txTimestampIso` writes: ISO 8601 UTC with milliseconds. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value);
}
