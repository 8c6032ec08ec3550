/** The public facts about one key share: everything in its file except the secret. */
export type KeyShareFields = {
  /** The consortium public key (compressed G1, hex) the share belongs to. */
  readonly publicKey: string;
  readonly threshold: number;
  readonly shareCount: number;
  /** The share's x-coordinate, 1..shareCount, and Lit's one-byte share id. */
  readonly shareIndex: number;
  /** The share's own public key (share · G1, compressed, hex), so a loaded file can check itself. */
  readonly verificationKey: string;
};
