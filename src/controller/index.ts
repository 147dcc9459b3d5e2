/**
 * Kubernetes mode: the reconciler (reconciler.ts), leader election on a Lease
 * (leader-election.ts), per-Gateway proxy provisioning (provision/), the config stream to the
 * proxies (stream/) and the composition root (run.ts).
 */
export { runController, startController, DEFAULT_IDENTITY, type ControllerArgs, type RunningController } from './run.ts';
export { Reconciler, PROXY_BIND_ADDRESS, type ReconcilerOptions } from './reconciler.ts';
export { LeaderElector, type LeaderElectionOptions } from './leader-election.ts';
export { ConfigStreamServer, configVersion, type ProxyState } from './stream/server.ts';
export { Provisioner } from './provision/provisioner.ts';
export { provisionNames, fitName, GATEWAY_NAME_LABEL } from './provision/names.ts';
export { gatewayIr, gatewayPorts } from './gateway-ir.ts';
export { reachableGatewayStatus, serviceAddresses } from './gateway-status.ts';
