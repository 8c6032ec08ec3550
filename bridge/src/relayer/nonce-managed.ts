import { NonceManager, type Signer } from 'ethers';

/**
 * The paying account behind one NonceManager. A node's mint relayer and gateway-message relayer pay
 * from the same account: each wrapping it in a manager of its own would count nonces apart, and
 * whichever sends second after the other has sent reuses a nonce ("nonce too low"). Pass the one
 * this returns to both; a manager given here is returned as it is.
 */
export function nonceManaged(sender: Signer): NonceManager {
  return sender instanceof NonceManager ? sender : new NonceManager(sender);
}
