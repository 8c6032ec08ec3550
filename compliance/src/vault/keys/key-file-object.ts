/**
 * The JSON object a key file holds; `malformed(problem)` makes the file's own typed error (never
 * quoting the text, which may hold a secret share) when it is not JSON or not an object.
 */
export function keyFileObject(text: string, malformed: (problem: string) => Error): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw malformed('is not JSON');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw malformed('is not a JSON object');
  return document as Record<string, unknown>;
}
