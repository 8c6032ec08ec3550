// The REST fuzz generators live in compliance (shared with the officer service's fuzz); this keeps
// the path plugin.test.ts imports the request type from.
export type { FuzzRequest } from '@trestle/compliance/src/testing/rest-fuzz/spec-requests';
