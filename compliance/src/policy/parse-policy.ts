import { TrestleError } from '../errors/trestle-error';
import { INVESTOR_TYPE_FORM, isInvestorType } from './investor-type';
import { isJurisdiction, JURISDICTION_FORM } from './jurisdiction';
import { isLedgerId, LEDGER_ID_FORM } from './ledger-id';
import { POLICY_FIELDS, POLICY_SCHEMA_VERSION, type Policy } from './policy';
import { childPath, ProblemList } from './problem-list';
import { RecordReader } from './record-reader';

/**
 * Validates a policy document (parsed JSON) and returns it as a `Policy`, or throws
 * `POLICY_INVALID` listing every problem in `details.problems` (path and phrase each).
 * Refuses unknown fields, allowed and blocked jurisdictions that overlap, and a minimum transfer
 * above the maximum balance (no transfer could pass). Set-valued lists come back sorted.
 */
export function parsePolicy(json: unknown): Policy {
  if (json === undefined || json === null || json === '') {
    throw new TrestleError('ARGUMENT_EMPTY', 'No policy was given; pass a policy document as a JSON object.');
  }
  const problems = new ProblemList();
  const policy = readPolicy(RecordReader.open(json, '', POLICY_FIELDS, problems));
  problems.throwIfAny('POLICY_INVALID', 'policy');
  return policy;
}

/** Reads a policy through `reader`, opened on the policy object with `POLICY_FIELDS`. */
export function readPolicy(reader: RecordReader): Policy {
  const policy: Policy = {
    schemaVersion: reader.member('schemaVersion', isSchemaVersion, `${POLICY_SCHEMA_VERSION}, the policy schema version this code reads`, POLICY_SCHEMA_VERSION),
    assetId: reader.string('assetId', isLedgerId, `an asset id of ${LEDGER_ID_FORM}`),
    version: reader.integer('version', 1),
    allowedJurisdictions: reader.set('allowedJurisdictions', isJurisdiction, JURISDICTION_FORM, 1),
    blockedJurisdictions: reader.set('blockedJurisdictions', isJurisdiction, JURISDICTION_FORM, 0),
    allowedInvestorTypes: reader.set('allowedInvestorTypes', isInvestorType, INVESTOR_TYPE_FORM, 1),
    lockupSeconds: reader.integer('lockupSeconds', 0),
    maxHolders: reader.integer('maxHolders', 1),
    maxBalancePerHolder: reader.amount('maxBalancePerHolder', true),
    minTransfer: reader.amount('minTransfer'),
    fourEyesThreshold: reader.amount('fourEyesThreshold'),
    travelRuleThreshold: reader.amount('travelRuleThreshold'),
    defiEligible: reader.boolean('defiEligible'),
  };
  checkAcrossFields(policy, reader.path, reader.problems);
  return policy;
}

function isSchemaVersion(value: unknown): value is typeof POLICY_SCHEMA_VERSION {
  return value === POLICY_SCHEMA_VERSION;
}

// Rules JSON Schema cannot state; POLICY_SCHEMA repeats them in its description.
function checkAcrossFields(policy: Policy, path: string, problems: ProblemList): void {
  const allowed = new Set(policy.allowedJurisdictions);
  for (const code of policy.blockedJurisdictions) {
    if (allowed.has(code)) {
      problems.add(childPath(path, 'blockedJurisdictions'), `lists "${code}", which allowedJurisdictions also lists; a jurisdiction is either allowed or blocked`);
    }
  }
  const amounts = ['minTransfer', 'maxBalancePerHolder'].map((field) => childPath(path, field));
  if (policy.minTransfer > policy.maxBalancePerHolder && !amounts.some((field) => problems.touches(field))) {
    problems.add(childPath(path, 'minTransfer'), `must not exceed maxBalancePerHolder (${policy.maxBalancePerHolder}), or no transfer could ever pass`);
  }
}
