/** The partner demo server (see server.mjs). */
export const DEMO_PARTNER_KEY: string;
/** The Content-Security-Policy every partner page sends (what docs/embedding.md lists). */
export function partnerCsp(api: string): string;
export interface PartnerDemo {
  server: import('node:http').Server;
  /** The Reel origin it embeds from. */
  api: string;
  /** Listens; answers the demo's URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}
export function createPartnerDemo(options?: {
  port?: number;
  host?: string;
  api?: string;
  key?: string;
  log?: (line: string) => void;
}): PartnerDemo;
