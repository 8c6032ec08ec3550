import { TrestleError } from '../errors/trestle-error';
import { isLedgerId, LEDGER_ID_FORM } from '../policy/ledger-id';
import { readPolicy } from '../policy/parse-policy';
import { POLICY_FIELDS } from '../policy/policy';
import { ProblemList } from '../policy/problem-list';
import { RecordReader } from '../policy/record-reader';
import { isPlainText } from './plain-text';
import { INVESTOR_FIELDS, readInvestor } from './read-investor';
import { readSenderHolding, SENDER_HOLDING_FIELDS } from './read-sender-holding';
import type { TransferCheckInput, TravelRuleData } from './transfer-check-input';

const INPUT_FIELDS = [
  'policy',
  'asset',
  'sender',
  'receiver',
  'senderHolding',
  'receiverBalance',
  'holderCount',
  'receiverIsHolder',
  'amount',
  'now',
  'travelRule',
] as const;

/**
 * Reads a transfer check input from JSON (the shape `transferCheckInputToJson` writes), for
 * callers outside chaincode such as the CLI's "what if" check. Throws `RECORD_MALFORMED` listing
 * every problem, including parts that contradict each other (lots that do not add up to the
 * balance, a policy for another asset, a receiver with units who is not a holder).
 */
export function validateTransferCheckInput(json: unknown): TransferCheckInput {
  if (json === undefined || json === null || json === '') {
    throw new TrestleError('ARGUMENT_EMPTY', 'No transfer check input was given; pass it as a JSON object.');
  }
  const problems = new ProblemList();
  const reader = RecordReader.open(json, '', INPUT_FIELDS, problems);
  const asset = reader.record('asset', ['assetId', 'paused']);
  const input: TransferCheckInput = {
    policy: readPolicy(reader.record('policy', POLICY_FIELDS)),
    asset: { assetId: asset.string('assetId', isLedgerId, `an asset id of ${LEDGER_ID_FORM}`), paused: asset.boolean('paused') },
    sender: readInvestor(reader.record('sender', INVESTOR_FIELDS)),
    receiver: readInvestor(reader.record('receiver', INVESTOR_FIELDS)),
    senderHolding: readSenderHolding(reader.record('senderHolding', SENDER_HOLDING_FIELDS)),
    receiverBalance: reader.amount('receiverBalance'),
    holderCount: reader.integer('holderCount', 0),
    receiverIsHolder: reader.boolean('receiverIsHolder'),
    amount: reader.amount('amount'),
    now: reader.integer('now', 0),
    ...(reader.has('travelRule') ? { travelRule: readTravelRule(reader.record('travelRule', ['originator', 'beneficiary'])) } : {}),
  };
  checkAcrossParts(input, problems);
  problems.throwIfAny('RECORD_MALFORMED', 'transfer check input');
  return input;
}

function readTravelRule(reader: RecordReader): TravelRuleData {
  return { originator: readParty(reader.record('originator', ['name', 'accountRef'])), beneficiary: readParty(reader.record('beneficiary', ['name', 'accountRef'])) };
}

// Blank names and references are the travel rule's to refuse, so a "what if" check can show that verdict.
function readParty(reader: RecordReader): TravelRuleData['originator'] {
  const isText = (value: string) => isPlainText(value, 0, 256);
  const form = 'text of at most 256 characters without control characters';
  return { name: reader.string('name', isText, form), accountRef: reader.string('accountRef', isText, form) };
}

// Each check runs only when the parts it compares read cleanly (see ProblemList.touches).
function checkAcrossParts(input: TransferCheckInput, problems: ProblemList): void {
  const clean = (...paths: string[]) => !paths.some((path) => problems.touches(path));
  if (clean('policy', 'asset') && input.asset.assetId !== input.policy.assetId) {
    problems.add('asset.assetId', `must be the asset the policy governs, "${input.policy.assetId}"`);
  }
  if (clean('sender', 'receiver') && input.sender.investorId === input.receiver.investorId) {
    problems.add('receiver.investorId', 'must differ from the sender; a transfer moves units between two investors');
  }
  if (clean('receiverBalance', 'receiverIsHolder') && input.receiverIsHolder !== input.receiverBalance > 0n) {
    problems.add('receiverIsHolder', `must be ${input.receiverBalance > 0n}, since the receiver holds ${input.receiverBalance} units (escrowed units included)`);
  }
  const senderHolds = input.senderHolding.balance + input.senderHolding.escrowed > 0n;
  const known = (senderHolds ? 1 : 0) + (input.receiverIsHolder ? 1 : 0);
  if (clean('holderCount', 'senderHolding', 'receiverIsHolder') && input.holderCount < known) {
    problems.add('holderCount', `must count at least the ${known} holders among sender and receiver`);
  }
}
