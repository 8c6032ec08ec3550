/** A CSV field's value, or undefined for OFAC's empty marker `-0-` (printed `-0- `) and blanks. */
export function fieldValue(field: string | undefined): string | undefined {
  const value = field?.trim();
  return value === undefined || value === '' || value === '-0-' ? undefined : value;
}

/** The programs of a `Program` field: OFAC joins several as `SDGT] [IRGC`. */
export function splitPrograms(field: string | undefined): string[] {
  const value = fieldValue(field);
  if (value === undefined) return [];
  return value
    .replace(/^\[/, '')
    .replace(/\]$/, '')
    .split('] [')
    .map((program) => program.trim())
    .filter((program) => program !== '');
}
