/**
 * A gRPC echo service for tests with @grpc/grpc-js and raw Buffer messages (no .proto): one method
 * per call shape. The server names itself in every reply (and in response metadata/trailers) so a
 * test can tell which backend answered; `fail:<code>` as a unary message answers that grpc-status.
 */
import * as grpc from '@grpc/grpc-js';

const raw = { requestSerialize: (b: Buffer) => b, requestDeserialize: (b: Buffer) => b, responseSerialize: (b: Buffer) => b, responseDeserialize: (b: Buffer) => b };

export const ECHO_SERVICE = {
  unary: { path: '/switchyard.test.Echo/Unary', requestStream: false, responseStream: false, ...raw },
  clientStream: { path: '/switchyard.test.Echo/ClientStream', requestStream: true, responseStream: false, ...raw },
  serverStream: { path: '/switchyard.test.Echo/ServerStream', requestStream: false, responseStream: true, ...raw },
  bidi: { path: '/switchyard.test.Echo/Bidi', requestStream: true, responseStream: true, ...raw },
} satisfies grpc.ServiceDefinition;

export const EchoClient = grpc.makeGenericClientConstructor(ECHO_SERVICE, 'Echo');
export type EchoClientInstance = InstanceType<typeof EchoClient>;

/** Starts the echo on a free loopback port. */
export async function startGrpcEcho(name: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = new grpc.Server();
  const trailer = () => { const m = new grpc.Metadata(); m.set('x-served-by', name); return m; };
  server.addService(ECHO_SERVICE, {
    unary: (call: grpc.ServerUnaryCall<Buffer, Buffer>, done: grpc.sendUnaryData<Buffer>) => {
      const text = call.request.toString();
      if (text.startsWith('fail:')) return done({ code: Number(text.slice(5)), details: 'asked to fail' });
      const headers = call.metadata.getMap();
      done(null, Buffer.from(JSON.stringify({ name, text, headers })), trailer());
    },
    clientStream: (call: grpc.ServerReadableStream<Buffer, Buffer>, done: grpc.sendUnaryData<Buffer>) => {
      const parts: string[] = [];
      call.on('data', (b: Buffer) => parts.push(b.toString()));
      call.on('end', () => done(null, Buffer.from(`${name}:${parts.join(',')}`), trailer()));
    },
    serverStream: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
      const n = Number(call.request.toString());
      for (let i = 0; i < n; i++) call.write(Buffer.from(`${name}:${i}`));
      call.end(trailer());
    },
    bidi: (call: grpc.ServerDuplexStream<Buffer, Buffer>) => {
      call.on('data', (b: Buffer) => call.write(Buffer.from(`${name}:${b.toString()}`)));
      call.on('end', () => call.end(trailer()));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return { port, close: () => new Promise((r) => server.tryShutdown(() => r())) };
}

/** Client to `port` in plaintext (h2c prior knowledge) or over TLS trusting `ca` with SNI `servername`. */
export function echoClient(port: number, authority: string, tls?: { ca: string; servername: string }): EchoClientInstance {
  const creds = tls === undefined ? grpc.credentials.createInsecure() : grpc.credentials.createSsl(Buffer.from(tls.ca));
  return new EchoClient(`127.0.0.1:${port}`, creds, {
    'grpc.default_authority': authority,
    ...(tls && { 'grpc.ssl_target_name_override': tls.servername }),
  });
}

type Call = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

export function unary(client: EchoClientInstance, text: string, metadata = new grpc.Metadata(), deadlineMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    (client as unknown as Call).unary!(Buffer.from(text), metadata, { deadline: Date.now() + deadlineMs }, (err: grpc.ServiceError | null, reply: Buffer) => {
      if (err) reject(err);
      else resolve(reply.toString());
    });
  });
}

/** A unary call to any path (e.g. a method no route knows); rejects with the ServiceError. */
export function unaryTo(client: grpc.Client, path: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, Buffer.from(text), { deadline: Date.now() + 5_000 }, (err, reply) => {
      if (err) reject(err);
      else resolve(reply!.toString());
    });
  });
}
