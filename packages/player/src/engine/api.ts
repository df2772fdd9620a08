// The engine's few calls to the API: plain fetch with the contract's types (the engine chunk stays
// small; answers are the server's, checked by the contract tests on the other side).

/** An API answer that was not a success: status and the error envelope's code and message. */
export class EngineApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'EngineApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ApiCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  keepalive?: boolean;
  signal?: AbortSignal;
}

/** Calls the API at `base` with the bearer token `token()` gives (null: none). */
export function apiClient(base: string, token: () => Promise<string | null>) {
  const root = base.replace(/\/+$/, '');
  return async function call<T>({ method, path, body, keepalive, signal }: ApiCall): Promise<T> {
    const bearer = await token().catch(() => null);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(keepalive ? { keepalive: true } : {}),
        ...(signal ? { signal } : {}),
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new EngineApiError(0, 'network', (error as Error).message || 'The network request failed');
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) {
      const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new EngineApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details);
    }
    return data as T;
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
