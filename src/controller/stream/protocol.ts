/**
 * The config stream between the controller and the proxies it provisions.
 *
 * Transport: TLS 1.2 with a pre-shared key per Gateway (RFC 4279/5489, ECDHE-PSK ciphers: forward
 * secrecy, AEAD or SHA-384 MAC). The PSK identity is `<namespace>/<gateway>`; the key is 32 random
 * bytes the controller generated and stored in the Gateway's stream Secret, which the proxy pod
 * mounts. A completed handshake proves both sides hold that key: the proxy knows it talks to the
 * controller, the controller knows which Gateway the proxy serves, and a proxy can never read
 * another Gateway's configuration. No CA or certificate rotation is needed, and proxies need no
 * Kubernetes credentials at all.
 *
 * Framing: newline-delimited JSON messages, one per line, both ways.
 */
import type { Ir } from '../../ir/index.ts';

export const STREAM_CIPHERS = 'ECDHE-PSK-CHACHA20-POLY1305:ECDHE-PSK-AES256-CBC-SHA384';
/** PSK ciphers are TLS 1.2 suites; pinning the version keeps both ends on them. */
export const STREAM_TLS_VERSION = 'TLSv1.2';
export const STREAM_KEY_BYTES = 32;
/** Seconds between pings; a side that hears nothing for 3 intervals drops the connection. */
export const PING_INTERVAL_MS = 10_000;

/** controller → proxy */
export type ControllerMessage =
  /** A full snapshot of the Gateway's configuration. `version` is a content hash: equal versions are equal configurations. */
  | { readonly type: 'config'; readonly version: string; readonly ir: Ir }
  | { readonly type: 'ping' };

/** proxy → controller */
export type ProxyMessage =
  /** First message: who this proxy is and what it serves now (null before any configuration). */
  | { readonly type: 'hello'; readonly proxy: string; readonly version: string | null; readonly ready: boolean }
  /** After applying `version`: whether every socket is listening, and the ones that could not be bound. */
  | { readonly type: 'ack'; readonly version: string; readonly ready: boolean; readonly unavailable: Readonly<Record<string, string>> }
  | { readonly type: 'ping' };

/** Splits a byte stream into JSON messages; ignores nothing silently (bad JSON throws). */
export function lineReader<T>(onMessage: (message: T) => void): (chunk: Buffer) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim()) onMessage(JSON.parse(line) as T);
    }
  };
}

export function encode(message: ControllerMessage | ProxyMessage): string {
  return `${JSON.stringify(message)}\n`;
}
