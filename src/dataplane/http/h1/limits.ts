/** Limits of the HTTP/1.1 engine (issue "Edge hardening"). Exceeding one is answered, then the connection closes. */

/** Request line plus header section, in bytes (431 beyond). */
export const MAX_HEAD_BYTES = 60 * 1024;
/** Header fields in one head (431 beyond). */
export const MAX_HEADERS = 100;
/** Trailer section of a chunked body, in bytes (400 beyond). */
export const MAX_TRAILER_BYTES = 16 * 1024;
/** Hex digits in a chunk size: 12 digits is 256 TiB, far below 2^53 so the arithmetic stays exact. */
export const MAX_CHUNK_SIZE_DIGITS = 12;
/** Digits in Content-Length, for the same reason. */
export const MAX_LENGTH_DIGITS = 15;
/** Bytes of a chunk-size line including its extensions. */
export const MAX_CHUNK_LINE_BYTES = 4 * 1024;
