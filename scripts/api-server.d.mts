/** A running reference API (see api-server.mjs). */
export interface RunningApi {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

export function startApiServer(options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<RunningApi>;
