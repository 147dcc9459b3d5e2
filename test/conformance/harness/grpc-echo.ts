/**
 * The stand-in for echo-basic's gRPC echo (GRPC_ECHO_SERVER), in the test process, and its client.
 * Service `gateway_api_conformance.echo_basic.grpcecho.GrpcEcho` with the unary methods Echo, EchoTwo
 * and EchoThree, answering what the suite asserts: `assertions.fullyQualifiedMethod`, the request
 * metadata (`assertions.headers`), and the pod context (`assertions.context.namespace`, `.pod`).
 * Messages are JSON rather than the upstream protobuf: the gateway routes on the path, authority and
 * metadata only and never reads a message, and this harness is both the client and the server.
 */
import * as grpc from '@grpc/grpc-js';
import type { Identity } from './stream-echo.ts';

export const GRPC_ECHO_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
export type GrpcEchoMethod = 'Echo' | 'EchoTwo' | 'EchoThree';

const raw = { requestSerialize: (b: Buffer) => b, requestDeserialize: (b: Buffer) => b, responseSerialize: (b: Buffer) => b, responseDeserialize: (b: Buffer) => b };
const method = (name: GrpcEchoMethod) => ({ path: `/${GRPC_ECHO_SERVICE}/${name}`, requestStream: false, responseStream: false, ...raw });
const SERVICE = { Echo: method('Echo'), EchoTwo: method('EchoTwo'), EchoThree: method('EchoThree') } satisfies grpc.ServiceDefinition;

export interface GrpcEchoReply {
  assertions: { fullyQualifiedMethod: string; headers: Record<string, string[]>; context: { namespace: string; pod: string } };
}

/**
 * The echo on a free loopback port (the Deployment's container port 3000, h2c) and, given the
 * Deployment's certificate (TLS_SERVER_CERT), on a second one over TLS (ALPN h2; container port 8443).
 */
export async function startGrpcEcho(identity: Identity, certificate?: { certPem: string; keyPem: string }): Promise<{ port: number; tlsPort?: number; close(): Promise<void> }> {
  const server = new grpc.Server();
  const handler = (name: GrpcEchoMethod) => (call: grpc.ServerUnaryCall<Buffer, Buffer>, done: grpc.sendUnaryData<Buffer>) => {
    const headers: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(call.metadata.toJSON())) headers[key] = values.map(String);
    const reply: GrpcEchoReply = { assertions: { fullyQualifiedMethod: `/${GRPC_ECHO_SERVICE}/${name}`, headers, context: { namespace: identity.namespace, pod: identity.pod } } };
    done(null, Buffer.from(JSON.stringify(reply)));
  };
  server.addService(SERVICE, { Echo: handler('Echo'), EchoTwo: handler('EchoTwo'), EchoThree: handler('EchoThree') });
  const bind = (credentials: grpc.ServerCredentials) => new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', credentials, (err, p) => (err ? reject(err) : resolve(p)));
  });
  const port = await bind(grpc.ServerCredentials.createInsecure());
  const tlsPort = certificate && await bind(grpc.ServerCredentials.createSsl(null, [{ cert_chain: Buffer.from(certificate.certPem), private_key: Buffer.from(certificate.keyPem) }]));
  return { port, ...(tlsPort !== undefined && { tlsPort }), close: () => new Promise((r) => { server.tryShutdown(() => r()); }) };
}

/** One unary call in plaintext (h2c prior knowledge, as the suite's insecure client): the status code and the reply. */
export function callGrpcEcho(target: { address: string; port: number }, call: { method: GrpcEchoMethod; authority?: string; metadata?: Readonly<Record<string, string>> }): Promise<{ code: number; reply?: GrpcEchoReply; details?: string }> {
  const client = new grpc.Client(`${target.address}:${target.port}`, grpc.credentials.createInsecure(), {
    ...(call.authority !== undefined && { 'grpc.default_authority': call.authority }),
  });
  const metadata = new grpc.Metadata();
  for (const [k, v] of Object.entries(call.metadata ?? {})) metadata.set(k.toLowerCase(), v);
  return new Promise((resolve) => {
    client.makeUnaryRequest(`/${GRPC_ECHO_SERVICE}/${call.method}`, (b: Buffer) => b, (b: Buffer) => b, Buffer.from('{}'), metadata, { deadline: Date.now() + 5_000 }, (err, reply) => {
      client.close();
      if (err) resolve({ code: err.code, details: err.details });
      else resolve({ code: grpc.status.OK, reply: JSON.parse(reply!.toString()) as GrpcEchoReply });
    });
  });
}
