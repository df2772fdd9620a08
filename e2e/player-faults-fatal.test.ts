// The playback engine of <reel-player> offline for a while, and under faults it cannot recover from
// (DELIBERATE FAULTS through e2e/fixtures/fault-suite.ts): offline 10 s (several times) and 90 s it
// waits for the network and plays on; every variant dead, a permanent 403 or the master playlist
// gone give one fatal error within 30 s and then no media request for 10 s.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { FATAL_ROUNDS, faultSuite, type PageLog, ROUNDS } from './fixtures/fault-suite.js';

faultSuite('player engine offline and under unrecoverable faults', (h) => {
  const { open, log, playsOn, failsCleanly, rounds } = h;

  for (const [seconds, times] of [
    [10, ROUNDS],
    [90, 1],
  ] as const) {
    it(`offline for ${seconds} s: waits for the network, then plays on from where it was`, async () => {
      await rounds(times, async () => {
        const { context, page } = await open([]);
        await page.waitForFunction(() => (globalThis as unknown as { log: PageLog }).log.time > 0.3);
        const before = (await log(page)).time;
        await context.setOffline(true);
        await page.waitForTimeout(seconds * 1000);
        const during = await log(page);
        assert.equal(during.fatalAt, null, 'no fatal error while offline');
        assert.ok(during.time >= before, 'the position was kept');
        await context.setOffline(false);
        await playsOn(page);
        await context.close();
      });
    });
  }

  it('every variant dead (all segments 500): one fatal error within 30 s, then no request loop', async () => {
    await rounds(FATAL_ROUNDS, async () => {
      const started = Date.now();
      const { context, page } = await open([
        { match: /\/v\/.*\.m4s$/, fault: { kind: 'status', status: 500 }, times: Number.POSITIVE_INFINITY },
      ]);
      await failsCleanly(page, started);
      await context.close();
    });
  });

  it('a permanent 403: renewal does not help, one fatal error, then no request loop', async () => {
    await rounds(FATAL_ROUNDS, async () => {
      const started = Date.now();
      const { context, page } = await open([
        { match: /\/(v|a|s)\//, fault: { kind: 'status', status: 403 }, times: Number.POSITIVE_INFINITY },
      ]);
      const l = await failsCleanly(page, started);
      assert.equal(l.errors.find((e) => e.fatal)?.code, 'forbidden');
      await context.close();
    });
  });

  it('the master playlist 404: one fatal error, then no request loop; retry() plays once it is back', async () => {
    await rounds(FATAL_ROUNDS, async () => {
      const started = Date.now();
      const { context, page } = await open([
        { match: /\/master\.m3u8$/, fault: { kind: 'status', status: 404 }, times: Number.POSITIVE_INFINITY },
      ]);
      const l = await failsCleanly(page, started);
      assert.equal(l.errors.find((e) => e.fatal)?.code, 'not_found');
      h.proxy.rules.length = 0;
      // The viewer presses Retry (the element calls retry() and plays).
      await page.evaluate(() => {
        (globalThis as unknown as { engine: { retry(): void } }).engine.retry();
        void (document.querySelector('video') as HTMLVideoElement).play().catch(() => {});
      });
      await page.waitForFunction(
        () => {
          const video = document.querySelector('video') as HTMLVideoElement;
          if (video.paused && video.readyState >= 2) void video.play().catch(() => {});
          return video.currentTime > 1;
        },
        undefined,
        { timeout: 20_000, polling: 250 },
      );
      await context.close();
    });
  });
});
