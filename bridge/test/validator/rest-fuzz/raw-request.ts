// Raw request sending lives in compliance (shared with the officer service's fuzz); this keeps the
// path plugin.test.ts imports it from.
export { sendRaw, type RawResponse } from '@trestle/compliance/src/testing/rest-fuzz/raw-request';
