// Configuration for the local EVM devnet (`hardhat node`). Contracts are compiled by
// bridge/src/compile with the npm `solc` package, so Hardhat never needs to download a compiler.
module.exports = {
  paths: { sources: './no-sources', cache: '../../.trestle/hardhat-cache', artifacts: '../../.trestle/hardhat-artifacts' },
  networks: {
    hardhat: {
      chainId: 31337,
      accounts: { count: 10 },
      mining: { auto: true },
    },
  },
};
