import { getAddress, isHexString } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { OwnerCall } from '@trestle/bridge/src/evm/quorum-owner-call';

/**
 * One validator's signature of one owner call, as `owner-call sign` writes it and `owner-call
 * execute` reads it: the QuorumOwner and chain it is for, the call, who signed and the signature.
 * The call travels as decimal strings so the file reads the same in any JSON tool.
 */
export type SignedOwnerCall = {
  readonly quorumOwner: string;
  readonly chainId: string;
  readonly call: { readonly target: string; readonly data: string; readonly nonce: string; readonly validUntil: string };
  /** What the call does, as the signer gave it (function signature and arguments), for the people who check before signing. */
  readonly describes: string;
  readonly signer: string;
  readonly signature: string;
};

const invalid = (file: string, problem: string) => new TrestleError('CLI_INPUT_INVALID', `The signed owner call ${file} ${problem}.`, { details: { file } });

/** `value` (from `file`) as a SignedOwnerCall; CLI_INPUT_INVALID naming the first problem otherwise. */
export function parseSignedOwnerCall(value: unknown, file: string): SignedOwnerCall {
  if (typeof value !== 'object' || value === null) throw invalid(file, 'is not a JSON object');
  const v = value as Record<string, unknown>;
  const call = v.call as Record<string, unknown> | undefined;
  const address = (field: unknown, name: string) => {
    if (typeof field !== 'string' || !isHexString(field, 20)) throw invalid(file, `has no address in ${name}`);
    return getAddress(field);
  };
  const decimal = (field: unknown, name: string) => {
    if (typeof field !== 'string' || !/^\d{1,78}$/.test(field)) throw invalid(file, `has no decimal number in ${name}`);
    return field;
  };
  if (typeof call !== 'object' || call === null) throw invalid(file, 'has no call');
  if (typeof call.data !== 'string' || !isHexString(call.data) || call.data.length < 10) throw invalid(file, 'has no calldata in call.data');
  if (typeof v.signature !== 'string' || !isHexString(v.signature, 65)) throw invalid(file, 'has no 65-byte signature');
  return {
    quorumOwner: address(v.quorumOwner, 'quorumOwner'),
    chainId: decimal(v.chainId, 'chainId'),
    call: { target: address(call.target, 'call.target'), data: call.data.toLowerCase(), nonce: decimal(call.nonce, 'call.nonce'), validUntil: decimal(call.validUntil, 'call.validUntil') },
    describes: typeof v.describes === 'string' ? v.describes : '',
    signer: address(v.signer, 'signer'),
    signature: v.signature,
  };
}

/** The call as the contract takes it. */
export function ownerCallOf(signed: SignedOwnerCall): OwnerCall {
  return { target: signed.call.target, data: signed.call.data, nonce: BigInt(signed.call.nonce), validUntil: BigInt(signed.call.validUntil) };
}
