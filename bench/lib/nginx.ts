/**
 * nginx for the bench: the fast backend (static small and 16 KiB bodies) and the reference proxy,
 * configured like Switchyard (HTTP/1.1 keep-alive upstream pool, X-Forwarded-* and X-Request-Id).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, stop, waitForPort } from './procs.ts';

export const NGINX_INSTALL_HINT = 'apt-get update && apt-get install -y nginx wrk   (Debian/Ubuntu; the bench runs nginx itself, no service needed)';
export const SMALL_BODY = 'hello from the bench backend\n';
export const BIG_BODY_BYTES = 16 * 1024;

const COMMON = `worker_processes WORKERS;
error_log stderr error;
pid PREFIX/nginx.pid;
events { worker_connections 4096; multi_accept on; }
`;

function http(body: string, prefix: string, workers = 1): string {
  return `${COMMON.replaceAll('PREFIX', prefix).replace('WORKERS', String(workers))}http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  default_type application/octet-stream;
${body}
}
`;
}

export interface NginxProcess {
  readonly child: ChildProcess;
  readonly port: number;
  stop(): Promise<void>;
}

async function run(name: string, dir: string, conf: string, port: number, cpu: number | null, workers = 1): Promise<NginxProcess> {
  const prefix = join(dir, name);
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'nginx.conf'), http(conf, prefix, workers));
  const child = start('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], cpu);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  await waitForPort(port).catch((e: Error) => { throw new Error(`${name}: ${e.message}\n${err}`); });
  return { child, port, stop: () => stop(child, 'SIGQUIT') };
}

/** Serves `/big...` with 16 KiB and anything else with a small body, on every given port. */
export function startNginxBackend(dir: string, ports: readonly number[], cpu: number | null): Promise<NginxProcess> {
  const root = join(dir, 'www');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'small.txt'), SMALL_BODY);
  writeFileSync(join(root, 'big.bin'), Buffer.alloc(BIG_BODY_BYTES, 0x61));
  const servers = ports.map((p) => `  server {
    listen 127.0.0.1:${p} backlog=4096;
    root ${root};
    location /big { try_files /big.bin =404; }
    location / { try_files /small.txt =404; }
  }`).join('\n');
  return run('backend', dir, servers, ports[0]!, cpu);
}

export interface ReferenceOptions {
  readonly listen: number;
  /** [port, weight] of each backend server. */
  readonly upstreams: readonly (readonly [number, number])[];
  /** Extra directives in the location (header modifiers). */
  readonly extra?: string;
  /** Extra server/location blocks standing in for many routes. */
  readonly routes?: string;
  /** TLS termination with this certificate/key (the same files Switchyard's Secret carries). */
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** HTTP/2: with `tls`, ALPN h2; without, h2c with prior knowledge on the listen port. */
  readonly http2?: boolean;
  /** Pass WebSocket upgrades through (Upgrade/Connection hop-by-hop headers forwarded). */
  readonly websocket?: boolean;
  /** worker_processes (1 unless the multi-core scenario). */
  readonly workers?: number;
}

export function startNginxReference(dir: string, o: ReferenceOptions, cpu: number | null): Promise<NginxProcess> {
  const upstream = o.upstreams.map(([p, w]) => `server 127.0.0.1:${p} weight=${w};`).join(' ');
  const location = `proxy_pass http://backends; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $http_host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme; proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Request-Id $request_id; ${o.extra ?? ''}`;
  // WebSocket: the Upgrade/Connection pair is hop-by-hop, so nginx forwards it only when told to.
  const ws = o.websocket ? 'proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; proxy_read_timeout 1h;' : '';
  const listenFlags = `${o.tls ? ' ssl' : ''}${o.http2 ? ' http2' : ''}`;
  const tls = o.tls ? `ssl_certificate ${o.tls.certFile}; ssl_certificate_key ${o.tls.keyFile}; ssl_protocols TLSv1.2 TLSv1.3;` : '';
  const conf = `  upstream backends { ${upstream} keepalive 128; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:${o.listen}${listenFlags} backlog=4096 default_server;
    ${tls}
    http2_max_concurrent_streams 100;
    location / { ${location.replace('proxy_set_header Connection "";', ws === '' ? 'proxy_set_header Connection "";' : '')} ${ws} }
  }
${(o.routes ?? '').replaceAll('LOCATION', location).replaceAll('LISTEN', String(o.listen))}`;
  return run('reference', dir, conf, o.listen, cpu, o.workers ?? 1);
}
