/**
 * A tiny HTTP/2 frame encoder and decoder for hostile-input tests (RFC 9113 §4.1): raw frames on a
 * plain socket, so tests can send what no well-behaved client library would.
 */
import net from 'node:net';

export const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
export const TYPE = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4, PING: 6, GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9 } as const;
export const FLAG = { END_STREAM: 0x1, ACK: 0x1, END_HEADERS: 0x4 } as const;
export const ERROR = { NO_ERROR: 0, PROTOCOL_ERROR: 1, FLOW_CONTROL_ERROR: 3, FRAME_SIZE_ERROR: 6, CANCEL: 8, COMPRESSION_ERROR: 9, ENHANCE_YOUR_CALM: 11 } as const;

export function frame(type: number, flags: number, streamId: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head.writeUInt8(type, 3);
  head.writeUInt8(flags, 4);
  head.writeUInt32BE(streamId & 0x7fffffff, 5);
  return Buffer.concat([head, payload]);
}

const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };

/** HPACK for `GET /` with `:authority: a`, static-table and literal-without-indexing only (no dynamic state). */
export const GET_BLOCK = Buffer.from([0x82, 0x86, 0x84, 0x01, 0x01, 0x61]);

export const settings = (pairs: readonly [number, number][] = []) =>
  frame(TYPE.SETTINGS, 0, 0, Buffer.concat(pairs.map(([id, v]) => Buffer.concat([Buffer.from([id >> 8, id & 0xff]), u32(v)]))));
export const headers = (streamId: number, block: Buffer, flags: number = FLAG.END_HEADERS | FLAG.END_STREAM) => frame(TYPE.HEADERS, flags, streamId, block);
export const continuation = (streamId: number, block: Buffer, flags = 0) => frame(TYPE.CONTINUATION, flags, streamId, block);
export const rstStream = (streamId: number, code: number = ERROR.CANCEL) => frame(TYPE.RST_STREAM, 0, streamId, u32(code));
export const windowUpdate = (streamId: number, increment: number) => frame(TYPE.WINDOW_UPDATE, 0, streamId, u32(increment));

export interface DecodedFrame { readonly type: number; readonly flags: number; readonly streamId: number; readonly payload: Buffer }

export function decodeFrames(buf: Buffer): DecodedFrame[] {
  const out: DecodedFrame[] = [];
  let pos = 0;
  while (pos + 9 <= buf.length) {
    const length = buf.readUIntBE(pos, 3);
    if (pos + 9 + length > buf.length) break;
    out.push({ type: buf[pos + 3]!, flags: buf[pos + 4]!, streamId: buf.readUInt32BE(pos + 5) & 0x7fffffff, payload: buf.subarray(pos + 9, pos + 9 + length) });
    pos += 9 + length;
  }
  return out;
}

/** The GOAWAY error code the server sent, or null if it closed without one. */
export function goawayCode(frames: readonly DecodedFrame[]): number | null {
  const goaway = frames.find((f) => f.type === TYPE.GOAWAY);
  return goaway === undefined ? null : goaway.payload.readUInt32BE(4);
}

/** Sends the preface, an empty SETTINGS and `attack`; resolves with every frame read until the server closes (or `timeoutMs`). */
export function attack(port: number, attackBytes: Buffer | readonly Buffer[], timeoutMs = 5_000): Promise<DecodedFrame[]> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(Buffer.concat([PREFACE, settings()]));
      for (const b of Array.isArray(attackBytes) ? attackBytes : [attackBytes]) socket.write(b);
    });
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(decodeFrames(Buffer.concat(chunks)));
    });
  });
}
