// The authorization matrix, generated from the contract: every route the app serves × every kind
// of caller gets exactly the answer its auth / permission / re-auth metadata says. And every
// `{profile_id}` route of the contract answers 404 to another account's profile id.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { type AnyEndpoint, type BuiltInRole, BuiltInRoles, type Permission } from '@reel/contracts';
import { createCallers, createViewer } from '../fixtures.js';
import { buildTestApp } from '../helper.js';
import {
  type Answer,
  assertSound,
  changedTables,
  contract,
  describeAnswer,
  isNoRoute,
  rowCounter,
  seedOf,
  send,
  servedEndpoints,
  type WellFormed,
  wellFormedRequest,
  withProfile,
} from './support.js';

const t = await buildTestApp();
after(() => t.close());
const served = servedEndpoints(t.app);
const countRows = await rowCounter(t.app);

interface CallerKind {
  name: string;
  anonymous?: boolean;
  role?: BuiltInRole;
  /** Re-authenticated just now (true) or never (false). */
  fresh: boolean;
}

const roles = Object.keys(BuiltInRoles) as BuiltInRole[];
const CALLERS: CallerKind[] = [
  { name: 'anonymous', anonymous: true, fresh: false },
  { name: 'viewer A', fresh: true },
  { name: 'viewer B', fresh: true },
  ...roles.map((role) => ({ name: `staff ${role}`, role, fresh: true })),
  { name: 'viewer A, re-auth stale', fresh: false },
  { name: 'staff admin, re-auth stale', role: 'admin' as const, fresh: false },
];

/** What the metadata says a caller gets (before the handler's own answer). */
type Expectation =
  | { kind: 'unauthenticated' } // 401 unauthenticated
  | { kind: 'denied'; code: 'forbidden' | 'reauth_required' } // 403 with that code
  | { kind: 'allowed' } // through the guards: the handler answers
  | { kind: 'open' } // public/optional: no guard to fail
  | { kind: 'refused' }; // api-key / signature: a bearer token is not the credential

function expectation(endpoint: AnyEndpoint, caller: CallerKind): Expectation {
  if (endpoint.auth === 'api-key' || endpoint.auth === 'signature') return { kind: 'refused' };
  if (endpoint.auth === 'public' || endpoint.auth === 'optional') return { kind: 'open' };
  if (caller.anonymous) return { kind: 'unauthenticated' };
  if (endpoint.auth === 'staff') {
    const granted: readonly Permission[] = caller.role ? BuiltInRoles[caller.role] : [];
    if (!endpoint.permission || !granted.includes(endpoint.permission)) return { kind: 'denied', code: 'forbidden' };
  }
  if (endpoint.reauth && !caller.fresh) return { kind: 'denied', code: 'reauth_required' };
  return { kind: 'allowed' };
}

/** Codes of the guards (auth, permission, re-auth, profile choice): an allowed caller never gets them. */
const GUARD_401 = new Set(['unauthenticated', 'token_expired']);
const GUARD_403 = new Set(['forbidden', 'reauth_required', 'profile_required']);

function check(endpoint: AnyEndpoint, caller: CallerKind, request: WellFormed, answer: Answer): void {
  const what = `${caller.name}: ${endpoint.method} ${request.url}`;
  const code = assertSound(answer, what);
  assert.ok(!isNoRoute(answer), `${describeAnswer(what, answer)}: the request did not reach the route`);
  const wanted = expectation(endpoint, caller);
  switch (wanted.kind) {
    case 'unauthenticated':
      assert.ok(
        answer.status === 401 && code === 'unauthenticated',
        `${describeAnswer(what, answer)}: wanted 401 unauthenticated`,
      );
      return;
    case 'denied':
      assert.ok(
        answer.status === 403 && code === wanted.code,
        `${describeAnswer(what, answer)}: wanted 403 ${wanted.code}`,
      );
      return;
    case 'refused':
      assert.ok(
        answer.status >= 400,
        `${describeAnswer(what, answer)}: wanted a refusal without the ${endpoint.auth} credential`,
      );
      return;
    case 'open':
    case 'allowed': {
      // A public route may refuse its own credentials (no refresh cookie, a wrong password); whether
      // such a 401 depends on the bearer token is checked across callers (openRouteProblem).
      if (answer.status === 401 && (wanted.kind === 'allowed' || !caller.anonymous)) {
        assert.ok(
          !GUARD_401.has(code as string),
          `${describeAnswer(what, answer)}: ${endpoint.auth} route refused a valid caller`,
        );
      }
      if (answer.status === 403) {
        assert.ok(
          !GUARD_403.has(code as string),
          `${describeAnswer(what, answer)}: ${endpoint.auth} route refused a caller it allows`,
        );
      }
      if (answer.status >= 200 && answer.status < 300) {
        assert.equal(answer.status, endpoint.status, `${describeAnswer(what, answer)}: the contract's success status`);
        if (endpoint.bodyKind === 'json' && endpoint.response) {
          const parsed = endpoint.response.safeParse(answer.json);
          assert.ok(parsed.success, `${describeAnswer(what, answer)}: the body breaks the response schema`);
        }
      }
      return;
    }
  }
}

/**
 * A public/optional route that answers 401 to the anonymous caller but lets a signed-in caller
 * in acts as if it needed a token, which its metadata says it does not.
 */
function openRouteProblem(endpoint: AnyEndpoint, answers: { kind: CallerKind; answer: Answer }[]): string | null {
  if (endpoint.auth !== 'public' && endpoint.auth !== 'optional') return null;
  const anonymous = answers.find((a) => a.kind.anonymous)?.answer;
  const admitted = answers.find((a) => !a.kind.anonymous && a.answer.status !== 401);
  if (anonymous?.status !== 401 || !admitted) return null;
  return `${endpoint.operation} is ${endpoint.auth} but answers 401 to anonymous callers and ${admitted.answer.status} to ${admitted.kind.name}: it acts as if it needed a token`;
}

/**
 * Fresh identities for each route (made in one batch), so what one request does — sign out, delete
 * a profile, revoke every session — cannot skew the next. Anonymous callers name some real profile
 * where a route has {profile_id}.
 */
async function callersFor(kinds: CallerKind[]): Promise<{ headers: Record<string, string>; profileId: string }[]> {
  const made = await createCallers(
    t.app,
    kinds.map((kind) => ({ roles: kind.role ? [kind.role] : [], reauth: kind.fresh })),
  );
  return made.map((caller, i) => ({
    headers: kinds[i]?.anonymous ? {} : caller.headers,
    profileId: caller.profileId as string,
  }));
}

const PLACEHOLDER_PROFILE = 'prf_placeholder00000';

describe(`authorization matrix on ${t.kind}: ${served.length} served routes × ${CALLERS.length - 2} callers (+2 with a stale re-auth on re-auth routes)`, () => {
  it('serves at least the ops routes (the matrix is not empty)', () => {
    assert.ok(served.some((e) => e.operation === 'ops.health'));
  });

  for (const endpoint of served) {
    it(`${endpoint.operation}: ${endpoint.method} ${endpoint.path} (${endpoint.auth}${endpoint.permission ? ` ${endpoint.permission}` : ''}${endpoint.reauth ? ', re-auth' : ''})`, async () => {
      const base = wellFormedRequest(endpoint, { seed: seedOf(endpoint.operation), profileId: PLACEHOLDER_PROFILE });
      const problems: string[] = [];
      const answers: { kind: CallerKind; answer: Answer }[] = [];
      // Stale re-auth only changes the answer of `reauth` routes.
      const kinds = CALLERS.filter((kind) => kind.fresh || kind.anonymous || endpoint.reauth);
      const callers = await callersFor(kinds);
      for (const [i, kind] of kinds.entries()) {
        const caller = callers[i] as { headers: Record<string, string>; profileId: string };
        const request = withProfile(endpoint, base, caller.profileId);
        const answer = await send(
          t.app,
          {
            method: endpoint.method,
            url: request.url,
            headers: { ...request.headers, ...caller.headers },
            payload: request.payload,
          },
          { stream: endpoint.bodyKind === 'event-stream' },
        );
        answers.push({ kind, answer });
        try {
          check(endpoint, kind, request, answer);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
      const open = openRouteProblem(endpoint, answers);
      if (open) problems.push(open);
      assert.deepEqual(problems, [], `${endpoint.operation} answers differently from its metadata`);
    });
  }
});

const profileRoutes = contract.filter((e) => e.path.includes('{profile_id}'));

describe(`foreign profile ids: ${profileRoutes.length} {profile_id} routes of the contract`, () => {
  for (const endpoint of profileRoutes) {
    const isServed = t.app.reel.routes.has(endpoint.operation);
    it(`${endpoint.operation}: ${endpoint.method} ${endpoint.path} answers 404 for another account's profile${isServed ? '' : ' (not served yet)'}`, async () => {
      const secret = `A-${Math.random().toString(36).slice(2, 10)}`;
      const a = await createViewer(t.app, { profiles: [{ name: secret }, { name: `${secret}-kids`, isKids: true }] });
      const b = await createViewer(t.app);
      const before = await countRows();
      for (const [index, victim] of a.profiles.entries()) {
        const base = wellFormedRequest(endpoint, { seed: seedOf(endpoint.operation, index + 1), profileId: victim.id });
        const answer = await send(t.app, {
          method: endpoint.method,
          url: base.url,
          headers: { ...base.headers, ...b.headers },
          payload: base.payload,
        });
        const what = `viewer B: ${endpoint.method} ${base.url} (A's profile ${victim.name})`;
        const code = assertSound(answer, what);
        assert.ok(
          answer.status === 404 && code === 'not_found',
          `${describeAnswer(what, answer)}: wanted 404 not_found`,
        );
        if (isServed)
          assert.ok(!isNoRoute(answer), `${describeAnswer(what, answer)}: the request did not reach the route`);
        for (const leak of [victim.name, a.email, a.userId]) {
          assert.ok(
            !answer.text.includes(leak),
            `${describeAnswer(what, answer)}: the answer shows A's data (${leak})`,
          );
        }
      }
      assert.deepEqual(changedTables(before, await countRows()), [], 'nothing was written');
    });
  }
});
