// Helpers shared by the account tests (auth, sessions, devices, profiles): sign up and sign in
// through the real routes, and keep a browser's cookies like a browser would.
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';
export const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
export const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/** A password that passes the policy. */
export const GOOD_PASSWORD = 'marble-otter-lantern-42';

let counter = 0;
/** A fresh email address (and a fresh IP, so one test's rate limits do not reach the next). */
export function fresh(prefix = 'user'): { email: string; ip: string } {
  counter++;
  return {
    email: `${prefix}-${process.pid}-${counter}@reel.test`,
    ip: `10.${(counter >> 8) & 255}.${counter & 255}.${(process.pid % 200) + 1}`,
  };
}

/** A browser: its cookies (refresh and device), address and User-Agent, sent with every request. */
export class Browser {
  cookies: Record<string, string> = {};
  constructor(
    readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
    readonly userAgent = FIREFOX_MAC,
  ) {}

  async request(options: InjectOptions & { token?: string | undefined }): Promise<LightMyRequestResponse> {
    const { token, ...rest } = options;
    const res = await this.app.inject({
      remoteAddress: this.ip,
      ...rest,
      headers: {
        'user-agent': this.userAgent,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(rest.headers ?? {}),
      },
      cookies: { ...this.cookies, ...(rest.cookies ?? {}) },
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const cleared = c.value === '' || (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (cleared) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }

  post(url: string, payload?: unknown, token?: string) {
    return this.request({
      method: 'POST',
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      token,
    });
  }
  get(url: string, token?: string) {
    return this.request({ method: 'GET', url: `/api/v1${url}`, token });
  }
  patch(url: string, payload: unknown, token?: string) {
    return this.request({ method: 'PATCH', url: `/api/v1${url}`, payload: payload as InjectOptions['payload'], token });
  }
  delete(url: string, token?: string) {
    return this.request({ method: 'DELETE', url: `/api/v1${url}`, token });
  }

  /** Signs up; answers the access token and the user. */
  async register(email: string, password = GOOD_PASSWORD, displayName = 'Robin Example') {
    const res = await this.post('/auth/register', { email, password, display_name: displayName, accept_terms: true });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { access_token: string; user: { id: string; active_profile_id: string | null } };
  }

  /** Signs in (no MFA); answers the access token and the user. */
  async login(email: string, password = GOOD_PASSWORD) {
    const res = await this.post('/auth/login', { email, password });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.ok(body.access_token, 'tokens, not an MFA challenge');
    return body as { access_token: string; user: { id: string; active_profile_id: string | null } };
  }
}

/** The claims of a JWT (not verified: the server verifies; tests only read). */
export function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] as string;
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Asserts an error envelope with a status and code; answers the error. */
export function assertError(res: LightMyRequestResponse, status: number, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  const { error } = res.json() as {
    error: {
      code: string;
      message: string;
      request_id: string;
      details?: { fields?: { field: string }[]; hint?: Record<string, unknown> };
    };
  };
  assert.ok(error.request_id, 'request id in the envelope');
  assert.ok(error.message);
  if (code) assert.equal(error.code, code, res.body);
  return error;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
