// The playback engine of <reel-player> under recoverable injected faults, each run several times
// (DELIBERATE FAULTS through e2e/fixtures/fault-suite.ts): it plays on to the end with no fatal
// error and no skip longer than one segment. The unrecoverable ones and the outages are in
// player-faults-fatal.test.ts (a file of their own so the two run side by side).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { faultSuite, ROUNDS } from './fixtures/fault-suite.js';

faultSuite('player engine under injected faults: recoverable', (h) => {
  const { open, playsOn, segment, rounds } = h;

  it('a segment 500 once: retried, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'status', status: 500 }, times: 1 }]);
      await playsOn(page);
      assert.equal(h.proxy.rules[0]?.hits, 1);
      await context.close();
    });
  });

  it('a segment 500 three times: retried with backoff, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'status', status: 500 }, times: 3 }]);
      await playsOn(page);
      assert.equal(h.proxy.rules[0]?.hits, 3);
      const tries = h.proxy.requests.filter((r) => segment(1).test(r.path));
      assert.ok(tries.length >= 4, 'the segment was asked for again until it came');
      // Backoff: the retries spread out (0.5 s, 1 s, 2 s bases, jittered).
      const gaps = tries.slice(1, 4).map((r, i) => r.at - (tries[i] as { at: number }).at);
      assert.ok((gaps[2] ?? 0) > (gaps[0] ?? 0), `growing delays: ${gaps.join(', ')} ms`);
      await context.close();
    });
  });

  it('a segment that never answers: timed out, asked again, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'hang' }, times: 1 }]);
      await playsOn(page, 60_000);
      await context.close();
    });
  });

  it('a connection reset in the middle of a segment: plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'reset-mid-body' }, times: 1 }]);
      await playsOn(page);
      await context.close();
    });
  });

  it('a 403 (media token expired): renewed once, the same segment again with the new token, no reload', async () => {
    await rounds(ROUNDS, async () => {
      const renewalsBefore = h.proxy.renewals;
      const { context, page } = await open([
        { match: segment(1), fault: { kind: 'status', status: 403, code: 'token_expired' }, times: 1 },
      ]);
      await playsOn(page);
      const masters = h.proxy.requests.filter((r) => r.path.endsWith('/master.m3u8'));
      assert.equal(masters.length, 1, 'the source was not loaded again');
      const tries = h.proxy.requests.filter((r) => segment(1).test(r.path));
      assert.ok(tries.length >= 2, 'the same segment was asked for again');
      // (The renewed token can equal the old one when both are minted within the same second.)
      assert.equal(h.proxy.renewals - renewalsBefore, 1, 'the media token was renewed once');
      await context.close();
    });
  });

  it('one variant playlist 404: falls back to another rung and plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([
        { match: /\/v\/360p\/[^/]*\.m3u8$/, fault: { kind: 'status', status: 404 }, times: Number.POSITIVE_INFINITY },
      ]);
      await playsOn(page);
      assert.ok(
        h.proxy.requests.some((r) => /\/v\/240p\/.*\.m4s$/.test(r.path)),
        'the other rung played',
      );
      await context.close();
    });
  });

  it('a corrupt segment (decode error): recovered, plays on', async () => {
    await rounds(ROUNDS, async () => {
      const { context, page } = await open([{ match: segment(1), fault: { kind: 'corrupt' }, times: 1 }]);
      await playsOn(page);
      await context.close();
    });
  });

  it('a bandwidth collapse: switches down to the lowest rung and plays on', async () => {
    await rounds(ROUNDS, async () => {
      // The first segment arrives at full speed; from the second on, 360p crawls at 15 KB/s (a 2 s
      // segment takes ~10 s): the player has to give up on it and switch down.
      const { context, page } = await open([
        {
          match: /\/v\/360p\/seg_0*[1-9]\d*\.m4s$/,
          fault: { kind: 'throttle', bytesPerSecond: 15_000 },
          times: Number.POSITIVE_INFINITY,
        },
      ]);
      const l = await playsOn(page, 90_000);
      assert.ok(
        h.proxy.requests.some((r) => /\/v\/240p\/seg_.*\.m4s$/.test(r.path)),
        `segments of 240p were fetched (levels: ${l.levels.join(', ')})`,
      );
      await context.close();
    });
  });

  // Offline for 10 s several times; for 90 s once (a minute and a half per round).
});
