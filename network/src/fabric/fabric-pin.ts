/**
 * The Fabric release the consortium runs: 2.5 LTS, pinned by commit because v2 tags are not valid
 * Go module versions (a commit hash resolves to a pseudo-version).
 */
export const FABRIC_PIN = {
  release: 'v2.5.16',
  commit: 'f871cf92a026aba7b12e6f06d71ded3e6e659d71',
  module: 'github.com/hyperledger/fabric',
} as const;

/** Fallback named by the foundation issue if the 2.5 commit cannot be had: Fabric 3.1.5. */
export const FABRIC_FALLBACK_PIN = {
  release: 'v3.1.5',
  commit: '86c1172bec37e6590c6b1ae6f847833df48d65fc',
  module: 'github.com/hyperledger/fabric',
} as const;

export type FabricPin = typeof FABRIC_PIN | typeof FABRIC_FALLBACK_PIN;

/** Commands built with `go install`, as package paths inside the module (the CCaaS builder is a nested module). */
export const FABRIC_COMMANDS = [
  'cmd/peer',
  'cmd/orderer',
  'cmd/configtxgen',
  'cmd/osnadmin',
  'cmd/cryptogen',
  'ccaas_builder/cmd/detect',
  'ccaas_builder/cmd/build',
  'ccaas_builder/cmd/release',
] as const;
