/**
 * Whether `value` has `min` to `max` characters and no control character: free text (a list
 * version label, a name, an account reference) may hold any letter, but nothing that would break a
 * log line or a terminal.
 */
export function isPlainText(value: string, min: number, max: number): boolean {
  if (value.length < min || value.length > max) return false;
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit < 0x20 || unit === 0x7f) return false;
  }
  return true;
}
