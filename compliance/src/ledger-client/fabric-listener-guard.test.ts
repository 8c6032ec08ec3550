import test from 'ava';
import { Client } from 'fabric-common';
import { guardFabricListenerUnregister } from './fabric-listener-guard';

// fabric-common's real EventService, unconnected: registering and unregistering listeners is
// bookkeeping that needs no peer. Serial: the guard changes the class for the whole process, so the
// unguarded behaviour is observed first.

function transactionListener(txId: string) {
  const service = Client.newClient('guard-test').newChannel('rwa').newEventService(`events-${txId}`);
  const listener = service.registerTransactionListener(txId, () => {}, {});
  return { service, listener };
}

test.serial('unguarded, a second unregistration of a listener throws "eventListener not found" (the crash the guard removes)', (t) => {
  const { service, listener } = transactionListener('tx-unguarded');
  service.unregisterEventListener(listener);
  t.throws(() => listener.unregisterEventListener(), { message: 'eventListener not found' });
});

test.serial('guarded, a second unregistration is a no-op', async (t) => {
  await guardFabricListenerUnregister();
  const { service, listener } = transactionListener('tx-guarded');
  service.unregisterEventListener(listener);
  t.notThrows(() => listener.unregisterEventListener());
});

test.serial('guarded, a registered listener is still removed: a second removal through the service throws', async (t) => {
  await guardFabricListenerUnregister();
  const { service, listener } = transactionListener('tx-removed');
  listener.unregisterEventListener();
  t.throws(() => service.unregisterEventListener(listener), { message: 'eventListener not found' });
});

test.serial('applying the guard twice keeps one wrapper', async (t) => {
  await guardFabricListenerUnregister();
  const { listener } = transactionListener('tx-twice');
  const wrapper = Object.getPrototypeOf(listener).unregisterEventListener as unknown;
  await guardFabricListenerUnregister();
  t.is(Object.getPrototypeOf(listener).unregisterEventListener, wrapper);
});
