import { EventService } from 'fabric-common';

// fabric-network 2.2 / fabric-common: a submit waiting for its commit events when a peer is
// killed loses that peer's event stream (the stream's end unregisters the listener); the commit
// timeout then unregisters the same listener again, and fabric-common throws "eventListener not
// found" from inside the timer: an uncaught exception that ends the whole test process (seen
// twice on the real network while peer-bankB was down). The submit itself has already failed
// with its timeout and is retried by the load. In this test process only, a second
// unregistration is a no-op, which is what fabric-common's own `notThrow` flag does.

type Unregister = (listener: unknown, notThrow?: boolean) => unknown;
const prototype = EventService.prototype as unknown as { unregisterEventListener: Unregister };
const original = prototype.unregisterEventListener;
prototype.unregisterEventListener = function (this: unknown, listener: unknown) {
  return original.call(this, listener, true);
};
