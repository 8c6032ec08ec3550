import { Command } from 'commander';
import { burnForRedeem } from './burn-for-redeem';
import { baseUnits, onChain, type ChainCommandDeps } from './on-chain';

type InOptions = { amount: bigint | 'all'; investor: string; keystore: string; passwordEnv: string; json?: boolean };

/**
 * `trestle bridge in <asset>`: a borrower brings units home. The wallet burns them through the
 * gateway; each bank's validator attests the burn once final, and at the threshold the ledger
 * releases the units from escrow to the investor the wallet is bound to.
 */
export function bridgeInCommand(deps: ChainCommandDeps): Command {
  return new Command('in')
    .description("bring units home: burn them from your wallet through the bridge gateway (burnForRedeem) and print the burn number the validators attest; the ledger then releases them to the investor the wallet is bound to")
    .argument('<asset>', "the asset as its token symbol in the stack's deployment (the devnet deploys the ledger's asset id, e.g. ZOB, as the symbol)")
    .requiredOption('--amount <units>', 'base units to burn as a whole number, or "all" of the free balance (units held minus frozen)', baseUnits)
    .requiredOption('--investor <id>', 'your investor id on the ledger; the wallet must be bound to it there, or the units wait in suspense')
    .requiredOption('--keystore <file>', "the wallet's encrypted keystore (JSON, ethers/geth format)")
    .requiredOption('--password-env <var>', 'the environment variable holding the keystore password (never given on the command line)')
    .option('--json', 'print the burn as JSON (txHash, blockNumber, burnNonce, amount, fabricInvestorRef)')
    .addHelpText('after', '\nExit status: 0 burned; 2 no deployment, a keystore that does not open or a bad option; 3 refused (REDEEM_AMOUNT_INVALID above the free\nbalance, REDEEM_REFUSED when the gateway is paused or reverts); 1 the EVM node does not answer.')
    .action((asset: string, options: InOptions) =>
      onChain(deps, { asset, json: options.json }, async (market, provider, deployment) => {
        const burned = await burnForRedeem(market, provider, options);
        const follow = `follow it on the ledger: npm run trestle -- bridge burn ${deployment.chainId} ${burned.outcome.burnNonce} --as <org/user>`;
        return { json: burned.outcome, text: [...burned.text, follow] };
      }),
    );
}
