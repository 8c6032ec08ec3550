/** A value that survives `JSON.stringify` then `JSON.parse` unchanged: no undefined, bigint, NaN or functions. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

/** A JSON object; amounts inside are decimal strings, never numbers. */
export type JsonObject = { readonly [key: string]: JsonValue };
