import { Command } from 'commander';
import { parseAssetRecord, type Asset } from '@trestle/compliance/src/ledger/asset';
import { parseHoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { assetLines, holdingLines, valuationLine } from './asset-lines';
import { parseValuationList } from './asset-valuations';
import { ASSET_DOCUMENT_HELP, LEGAL_DOCUMENTS_HELP, TOKENIZATION_HELP, VALUATION_HELP } from './document-help';
import { ledgerAction, ledgerCommand, readJsonDocument, type CommandResult, type LedgerCommandDeps } from './ledger-action';
import { evaluateJson, evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';
import { historyEntries, historyLines } from './record-lines';

const readAsset = (session: LedgerSession, assetId: string) => evaluateRecord(session.contract('AssetContract'), 'GetAsset', [assetId], parseAssetRecord, 'the asset');

async function readValuations(session: LedgerSession, assetId: string) {
  const raw = await evaluateJson(session.contract('AssetContract'), 'ListValuations', [assetId], 'the valuations');
  return { raw, list: parseValuationList(raw) };
}

/** The asset as the ledger has it after a write, and one line naming its state and what changed. */
async function confirm(session: LedgerSession, assetId: string, what: (asset: Asset) => string): Promise<CommandResult> {
  const stored = await readAsset(session, assetId);
  return { json: stored.raw, text: [`asset ${stored.record.assetId} is ${stored.record.state} (${what(stored.record)})`] };
}

/** `trestle asset …`: an asset's way from DRAFT to TOKENIZED, and what the ledger knows of it. */
export function assetCommand(deps: LedgerCommandDeps): Command {
  const asset = new Command('asset').description('assets held by SPVs, from DRAFT to TOKENIZED (AssetContract)');
  const add = (command: Command) => asset.addCommand(command);

  add(
    ledgerCommand('create', "create an asset of your bank's SPV in DRAFT (spv-admin)")
      .argument('<file>', 'the asset document (JSON), or - for stdin')
      .addHelpText('after', ASSET_DOCUMENT_HELP)
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const document = readJsonDocument(args[0] ?? '', 'asset document');
          await session.contract('AssetContract').submitTransaction('CreateAsset', JSON.stringify(document));
          return confirm(session, String(document.assetId), (stored) => `SPV ${stored.spvId}, administered by ${stored.administeringBankMsp}`);
        }),
      ),
  );

  add(
    ledgerCommand('document', 'record the true-sale deed and legal opinion: DRAFT to DOCUMENTED (spv-admin of the SPV\'s bank)')
      .argument('<assetId>')
      .argument('<file>', 'the legal documents (JSON), or - for stdin')
      .addHelpText('after', LEGAL_DOCUMENTS_HELP)
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const [assetId = '', file = ''] = args;
          const documents = readJsonDocument(file, 'legal documents');
          await session.contract('AssetContract').submitTransaction('RecordLegalDocuments', assetId, JSON.stringify(documents));
          return confirm(session, assetId, () => 'true-sale deed and legal opinion recorded');
        }),
      ),
  );

  add(
    ledgerCommand('value', "record a valuation; the first makes the asset VALUED (appraiser of an org other than the SPV's bank)")
      .argument('<assetId>')
      .argument('<file>', 'the valuation (JSON), or - for stdin')
      .addHelpText('after', `${VALUATION_HELP}\nWith --json: {"asset": …, "valuation": …} as the ledger has them after the write.`)
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const [assetId = '', file = ''] = args;
          const valuation = readJsonDocument(file, 'valuation');
          await session.contract('AssetContract').submitTransaction('RecordValuation', assetId, JSON.stringify(valuation));
          const stored = await readAsset(session, assetId);
          const { list } = await readValuations(session, assetId);
          const recorded = list.valuations.find((entry) => entry.valuation.seq === stored.record.valuationCount);
          return {
            json: { asset: stored.raw, valuation: recorded?.raw ?? null },
            text: [`asset ${stored.record.assetId} is ${stored.record.state} (valuation ${stored.record.valuationCount} by ${recorded?.valuation.appraiserMsp ?? 'an unknown org'})`],
          };
        }),
      ),
  );

  add(
    ledgerCommand('approve', "approve a VALUED asset with a current valuation (compliance officer of a bank other than the SPV's)")
      .argument('<assetId>')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const assetId = args[0] ?? '';
          await session.contract('AssetContract').submitTransaction('ApproveAsset', assetId);
          return confirm(session, assetId, (stored) => (stored.approval === null ? 'no approval recorded' : `by ${stored.approval.approverMsp} on valuation ${stored.approval.valuationSeq}`));
        }),
      ),
  );

  add(
    ledgerCommand('tokenize', 'mint the units of an APPROVED asset to KYC-active initial holders (spv-admin of the SPV\'s bank)')
      .argument('<assetId>')
      .argument('<file>', 'the tokenization (JSON: units, decimals, allocations, policy), or - for stdin')
      .addHelpText('after', TOKENIZATION_HELP)
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const [assetId = '', file = ''] = args;
          const tokenization = readJsonDocument(file, 'tokenization');
          await session.contract('AssetContract').submitTransaction('TokenizeAsset', assetId, JSON.stringify(tokenization));
          return confirm(session, assetId, ({ tokenization: minted }) =>
            minted === null ? 'no tokenization recorded' : `${minted.units} units, ${minted.decimals} decimals, to ${minted.holderCount} holders; policy version ${minted.policyVersion}`,
          );
        }),
      ),
  );

  add(
    ledgerCommand('show', 'show one asset').argument('<assetId>').action(
      ledgerAction(deps, async ({ session, args }) => {
        const stored = await readAsset(session, args[0] ?? '');
        return { json: stored.raw, text: assetLines(stored.record) };
      }),
    ),
  );

  add(
    ledgerCommand('history', "every version of an asset's record, newest first").argument('<assetId>').action(
      ledgerAction(deps, async ({ session, args }) => {
        const raw = await evaluateJson(session.contract('AssetContract'), 'GetAssetHistory', [args[0] ?? ''], 'the asset history');
        return { json: raw, text: historyLines(historyEntries(raw, parseAssetRecord), (record) => record.state) };
      }),
    ),
  );

  add(
    ledgerCommand('valuations', "an asset's valuations, oldest first, marked current, valid or expired now").argument('<assetId>').action(
      ledgerAction(deps, async ({ session, args }) => {
        const { raw, list } = await readValuations(session, args[0] ?? '');
        const lines = list.valuations.map(({ valuation, valid }) => valuationLine(valuation, valuation.seq === list.currentSeq ? 'current' : valid ? 'valid' : 'expired'));
        return { json: raw, text: lines.length === 0 ? ['(none)'] : lines };
      }),
    ),
  );

  add(
    ledgerCommand('holding', "one investor's holding of an asset: balance, frozen, escrowed, lots")
      .argument('<assetId>')
      .argument('<investorId>')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const stored = await evaluateRecord(session.contract('AssetContract'), 'GetHolding', [args[0] ?? '', args[1] ?? ''], parseHoldingRecord, 'the holding');
          return { json: stored.raw, text: holdingLines(stored.record) };
        }),
      ),
  );
  return asset;
}
