/**
 * The Fabric release the consortium runs, as the Go module version network/fabric/build/go.mod
 * requires. Fabric's v2 tags are not valid module versions, so a release is reached through a
 * pseudo-version of one commit. The Go module proxy reachable here refuses the v2.5.16 and v3.1.5
 * commits (HTTP 403) but serves this one: Fabric's main branch on the day v2.5.0 was released
 * (its release notes are in the tree), with everything the design needs from 2.5: Application
 * capability V2_5 and PurgePrivateData, osnadmin channel participation, the peer Gateway.
 */
export const FABRIC_PIN = {
  release: 'v2.5.0 (main, 2023-04-05)',
  version: 'v1.4.0-rc1.0.20230405174026-695dd57e01c2',
  commit: '695dd57e01c2',
  module: 'github.com/hyperledger/fabric',
  /** Set by network/fabric/build/go.mod (`godebug`); part of the pin so binaries built without it are rebuilt. */
  godebug: 'asynctimerchan=1',
  /** Fixes applied to the source before the build (fabric-source-patches.ts); part of the pin so unpatched binaries are rebuilt. */
  patches: ['etcdraft-wal-sync-on-node-goroutine'],
} as const;

export type FabricPin = typeof FABRIC_PIN;

/** Commands built from the module, as package paths inside it. */
export const FABRIC_COMMANDS = ['cmd/peer', 'cmd/orderer', 'cmd/configtxgen', 'cmd/osnadmin', 'cmd/cryptogen'] as const;
