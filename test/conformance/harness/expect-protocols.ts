/**
 * Exchanges that are not HTTP/1 requests, compared as the suite's grpc, tcp and udp helpers do:
 * - gRPC: the status code; on OK the method the echo saw, its namespace and pod prefix (compareResponse),
 *   and here also the metadata it received (the suite's header-modifier test lists it);
 * - TCP/TLS: welcome line, PING/PONG, IS_TLS, TEST with the pod context and the SNI the echo saw
 *   (WaitForValidTCPResponse); over TLS the certificate is verified against the tls-checks CA;
 *   `refused`: the connection or handshake fails, or closes before any echo answers;
 * - UDP: a datagram answered by the echo (its JSON names the pod), or a DNS query answered.
 * Each is retried briefly (the suite's eventually-consistent requests); `weights` runs the suite's
 * TestWeightedDistribution over the pod names the answers carry.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import { sleep } from '../../helpers/wait.ts';
import { callGrpcEcho, GRPC_ECHO_SERVICE } from './grpc-echo.ts';
import type { Exchange } from './scenario.ts';
import { TCP_WELCOME } from './stream-echo.ts';
import { tlsChecks } from './tls-checks.ts';
import { expectWeights, type Outcome } from './weighted-distribution.ts';

type Target = { address: string; port: number };
/** The pod that answered, or the mismatch. */


const RETRY_FOR_MS = 3_000;
const INFRA = 'gateway-conformance-infra';

export const isProtocolExchange = (e: Exchange) => e.grpc !== undefined || e.stream !== undefined || e.datagram !== undefined;

export async function expectProtocolExchange(exchange: Exchange, target: Target): Promise<void> {
  const once = exchange.grpc ? () => grpcOnce(exchange, target) : exchange.stream ? () => streamOnce(exchange, target) : () => datagramOnce(exchange, target);
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    const { problem } = await once();
    if (problem === null) break;
    if (Date.now() > deadline) throw new Error(`${describe(exchange)}: ${problem}`);
    await sleep(100);
  }
  for (let i = 1; i < (exchange.times ?? 1); i++) {
    const { problem } = await once();
    if (problem !== null) throw new Error(`${describe(exchange)} (${i + 1} of ${exchange.times}): ${problem}`);
  }
  if (exchange.weights) await expectWeights(exchange.weights, once);
}

function describe(e: Exchange): string {
  if (e.grpc) return `gRPC ${e.grpc.authority ?? ''}/${GRPC_ECHO_SERVICE}/${e.grpc.method} ${JSON.stringify(e.grpc.metadata ?? {})}`;
  if (e.stream) return `TCP${e.stream.tls ? ` (TLS, SNI ${e.stream.tls.serverName})` : ''}`;
  return e.datagram?.dns ? `DNS query ${e.datagram.dns}` : 'UDP datagram';
}

function podProblem(e: Exchange, namespace: string, pod: string): string | null {
  const wantNs = e.namespace ?? INFRA;
  if (namespace !== wantNs) return `namespace ${namespace}, expected ${wantNs}`;
  if (e.backend !== undefined && !pod.startsWith(`${e.backend}-`)) return `answered by ${pod}, expected ${e.backend}`;
  return null;
}

async function grpcOnce(e: Exchange, target: Target): Promise<Outcome> {
  const call = e.grpc!;
  const { code, reply, details } = await callGrpcEcho(target, call);
  const want = call.code ?? 0;
  if (code !== want) return { problem: `gRPC status ${code} (${details ?? ''}), expected ${want}` };
  if (code !== 0 || !reply) return { problem: null };
  const a = reply.assertions;
  if (a.fullyQualifiedMethod !== `/${GRPC_ECHO_SERVICE}/${call.method}`) return { problem: `the echo saw ${a.fullyQualifiedMethod}` };
  const seen = (name: string) => a.headers[name.toLowerCase()]?.join(',');
  const problem = podProblem(e, a.context.namespace, a.context.pod)
    ?? Object.entries(e.expectedRequest?.headers ?? {}).map(([k, v]) => (seen(k) === v ? null : `the echo saw metadata ${k}: ${seen(k)}, expected ${v}`)).find(Boolean)
    ?? (e.expectedRequest?.absentHeaders ?? []).map((k) => (seen(k) === undefined ? null : `the echo saw metadata ${k}: ${seen(k)}, expected none`)).find(Boolean)
    ?? null;
  return { pod: a.context.pod, problem };
}

/** Reads lines from a socket, one at a time. */
function lineReader(socket: net.Socket): () => Promise<string> {
  let buffered = '';
  const waiting: ((line: string) => void)[] = [];
  const flush = () => {
    for (let nl = buffered.indexOf('\n'); nl >= 0 && waiting.length > 0; nl = buffered.indexOf('\n')) {
      waiting.shift()!(buffered.slice(0, nl + 1));
      buffered = buffered.slice(nl + 1);
    }
  };
  socket.setEncoding('utf8');
  socket.on('data', (c: string) => { buffered += c; flush(); });
  return () => new Promise((resolve, reject) => {
    waiting.push(resolve);
    flush();
    socket.once('close', () => reject(new Error('the connection closed')));
  });
}

async function streamOnce(e: Exchange, target: Target): Promise<Outcome> {
  const s = e.stream!;
  const ca = s.tls ? (await tlsChecks()).caPem : undefined;
  const socket: net.Socket = s.tls
    ? tls.connect({ host: target.address, port: target.port, servername: s.tls.serverName, ca, minVersion: 'TLSv1.2' })
    : net.connect({ host: target.address, port: target.port });
  socket.setTimeout(5_000, () => socket.destroy(new Error('timeout')));
  const failed = new Promise<never>((_, reject) => socket.once('error', reject));
  failed.catch(() => {});
  const read = lineReader(socket);
  const step = async (send: string | null) => {
    if (send !== null) socket.write(`${send}\n`);
    return Promise.race([read(), failed]);
  };
  try {
    const welcome = await step(null);
    if (s.refused) return { problem: `an echo answered (${JSON.stringify(welcome)}) where the connection must be refused` };
    if (welcome !== TCP_WELCOME) return { problem: `welcome ${JSON.stringify(welcome)}` };
    if (await step('PING') !== 'PONG\n') return { problem: 'no PONG' };
    const isTls = (await step('IS_TLS')).trim();
    if (isTls !== String(s.backendIsTLS ?? false)) return { problem: `the echo says IS_TLS ${isTls}, expected ${s.backendIsTLS ?? false}` };
    const payload = JSON.parse(await step('TEST')) as { namespace: string; pod: string; tls?: { serverName: string } };
    const problem = podProblem(e, payload.namespace, payload.pod)
      ?? (s.backendServerName !== undefined && payload.tls?.serverName !== s.backendServerName ? `the echo saw SNI ${payload.tls?.serverName}, expected ${s.backendServerName}` : null);
    return { pod: payload.pod, problem };
  } catch (err) {
    return { problem: s.refused ? null : `no echo answer: ${(err as Error).message}` };
  } finally {
    socket.destroy();
  }
}

/** A DNS query for an A record (the suite's dns.Msg SetQuestion). */
function dnsQuery(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const header = Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}

async function datagramOnce(e: Exchange, target: Target): Promise<Outcome> {
  const dns = e.datagram!.dns;
  const socket = dgram.createSocket('udp4');
  try {
    const answer = await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer within 1s')), 1_000);
      socket.once('message', (m) => { clearTimeout(timer); resolve(m); });
      socket.once('error', (err) => { clearTimeout(timer); reject(err); });
      socket.send(dns ? dnsQuery(dns) : Buffer.from('gateway-api-conformance-udp-echo'), target.port, target.address);
    });
    if (dns) return { problem: answer.length >= 12 && answer.readUInt16BE(0) === 0x1234 && (answer[2]! & 0x80) !== 0 ? null : 'not a DNS response to the query' };
    const reply = JSON.parse(answer.toString()) as { namespace: string; pod: string };
    return { pod: reply.pod, problem: podProblem(e, reply.namespace, reply.pod) };
  } catch (err) {
    return { problem: (err as Error).message };
  } finally {
    socket.close();
  }
}

