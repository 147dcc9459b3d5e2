/** A tiny client for the admin API, shared by `get` and `describe`. */

export interface AdminClientOptions {
  /** `host:port` of a running `switchyard serve` admin API. */
  readonly admin: string;
}

export const DEFAULT_ADMIN = '127.0.0.1:9901';

export async function adminGet(options: AdminClientOptions, path: string): Promise<unknown> {
  const url = `http://${options.admin}${path}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new Error(`cannot reach the Switchyard admin API at ${options.admin} (${(error as Error).cause ?? (error as Error).message}); is \`switchyard serve\` running? (--admin HOST:PORT)`);
  }
  const body = (await response.json()) as { message?: string };
  if (!response.ok) throw new Error(body.message ?? `${response.status} from ${url}`);
  return body;
}
