// TEST-ONLY: what officer-run-child.ts hands its parent (no-secrets-in-output.test.ts) in a file,
// never on its output: every secret the run used, and every answer the officer services gave the
// browser-side client, so the parent can search the output and the answers for the secrets.

/** A named secret as bytes (hex here): key shares, the consortium secret, signature shares. */
export type HexSecret = { readonly name: string; readonly hex: string };

/** A TLS private key as the services and clients hold it (PEM). */
export type PemSecret = { readonly name: string; readonly pem: string };

/** One answer of an officer service to the browser stand-in. */
export type RecordedAnswer = {
  readonly service: string;
  readonly who: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly text: string;
  /** The answer is the person's own view of personal data they may read (the opened file, GET …/pii). */
  readonly carriesPersonalData: boolean;
};

/** Everything the run must never print. */
export type OfficerRunSecrets = {
  readonly passwords: readonly string[];
  /** Session cookie values (the part after `name=`) of every login. */
  readonly sessionCookies: readonly string[];
  readonly csrfTokens: readonly string[];
  /** Key shares, the consortium secret key, the signature shares the services answered and their combination. */
  readonly keys: readonly HexSecret[];
  /** Every CA, share service and vault client private key. */
  readonly tlsKeys: readonly PemSecret[];
  /** Names, birth dates, document numbers, address lines and the evidence file's marker. */
  readonly personalData: readonly string[];
  readonly answers: readonly RecordedAnswer[];
};
