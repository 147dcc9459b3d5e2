import { INFRA, LISTENER_READY, scenario } from './dsl.ts';

const CONFLICTED = { Accepted: 'False/HostnameConflict', Programmed: 'False/HostnameConflict', Conflicted: 'True/HostnameConflict' };
const GATEWAY = `${INFRA}/gateway-with-listenerset-hostname-conflict` as const;

/** The older ListenerSet keeps its listener, the newer one's conflicting listener is refused. */
export default scenario({
  name: 'ListenerSetHostnameConflict', source: 'listenerset-hostname-conflict.go', features: ['Gateway', 'ListenerSet'],
  status: [
    {
      kind: 'Gateway', name: GATEWAY, conditions: { Accepted: 'True' }, attachedListenerSets: 2, observedGenerationCurrent: true,
      listeners: { 'gateway-listener': { conditions: LISTENER_READY }, 'hostname-conflict-with-gateway-listener': { conditions: LISTENER_READY } },
    },
    {
      kind: 'ListenerSet', name: `${INFRA}/listenerset-with-hostname-conflict-with-gateway-1`, conditions: { Accepted: 'True', Programmed: 'True/Programmed' },
      listeners: {
        'listener-set-1-listener': { conditions: LISTENER_READY },
        'hostname-conflict-with-gateway-listener': { conditions: CONFLICTED },
        'hostname-conflict-with-listener-set-listener': { conditions: LISTENER_READY },
      },
    },
    {
      kind: 'ListenerSet', name: `${INFRA}/listenerset-with-hostname-conflict-with-gateway-2`, conditions: { Accepted: 'False/ListenersNotValid', Programmed: 'False/ListenersNotValid' },
      listeners: { 'hostname-conflict-with-gateway-listener': { conditions: CONFLICTED } },
    },
    {
      kind: 'ListenerSet', name: `${INFRA}/listenerset-with-hostname-conflict-with-listener-set-1`, conditions: { Accepted: 'True', Programmed: 'True/Programmed' },
      listeners: { 'listener-set-2-listener': { conditions: LISTENER_READY }, 'hostname-conflict-with-listener-set-listener': { conditions: CONFLICTED } },
    },
    {
      kind: 'ListenerSet', name: `${INFRA}/listenerset-with-hostname-conflict-with-listener-set-2`, conditions: { Accepted: 'False/ListenersNotValid', Programmed: 'False/ListenersNotValid' },
      listeners: { 'hostname-conflict-with-listener-set-listener': { conditions: CONFLICTED } },
    },
  ],
});
