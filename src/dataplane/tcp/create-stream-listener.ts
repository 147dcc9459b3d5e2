/** The listener for a non-HTTP IrSocket, by protocol: TLS (SNI dispatch), TCP (byte stream) or UDP (flows). */
import type { IrSocket } from '../../ir/index.ts';
import { TlsListener, type HttpsHandoff } from '../tls/tls-listener.ts';
import { UdpListener } from '../udp/udp-listener.ts';
import type { StreamListener, StreamListenerOptions } from './stream-listener.ts';
import { TcpListener } from './tcp-listener.ts';

export function createStreamListener(socket: IrSocket, options: StreamListenerOptions, https: HttpsHandoff | null): StreamListener {
  switch (socket.protocol) {
    case 'TLS': return new TlsListener(socket.id, options, https);
    case 'TCP': return new TcpListener(socket.id, options);
    case 'UDP': return new UdpListener(socket.id, options);
    case 'HTTP': throw new Error(`${socket.id}: HTTP sockets are served by the HTTP listener`);
  }
}
