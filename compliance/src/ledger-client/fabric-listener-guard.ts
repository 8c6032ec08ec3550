// fabric-network 2.2.20 / fabric-common 2.2.20: a submit that waits for its commit events on every
// connected peer (COMMIT_SCOPE) registers one listener on each peer's event service. When a peer
// dies while the submit waits, the end of that peer's event stream unregisters the listener; when
// the commit timeout then fires, fabric-network's commit session unregisters the same listener
// again through `EventListener.unregisterEventListener()`, which passes no `notThrow`, and
// fabric-common throws `eventListener not found` from inside the timer. Nothing can catch that: it
// is an uncaught exception that ends the process (seen twice on the real network while BankB's
// peer was down under the chaos suite's load). The submit itself has already failed with its
// timeout and reports that to its caller.
//
// A second unregistration of a listener that is already gone is a no-op, which is exactly what
// fabric-common's own `notThrow` flag does and what its internal callers pass. Every process that
// opens a gateway (the CLI, `officer serve`, validators, the relayer) applies this once.

type EventListenerPrototype = { unregisterEventListener(this: ListenerWithService): unknown; trestleGuarded?: true };
type ListenerWithService = { eventService: { unregisterEventListener(listener: unknown, notThrow?: boolean): unknown } };

/** Makes fabric-common's EventListener unregister tolerate a listener already removed; idempotent. */
export async function guardFabricListenerUnregister(): Promise<void> {
  const { EventListener } = (await import('fabric-common')) as unknown as { EventListener: { prototype: EventListenerPrototype } };
  const prototype = EventListener.prototype;
  if (prototype.trestleGuarded === true) return;
  prototype.unregisterEventListener = function (this: ListenerWithService) {
    return this.eventService.unregisterEventListener(this, true);
  };
  prototype.trestleGuarded = true;
}
