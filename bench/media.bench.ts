// The media pipeline and delivery, measured:
//
//   node bench/run.mjs media
//
// 1. Transcode speed: a 20-second 720p source (the demo generator's test card) through the whole
//    pipeline (ladder 720p/480p/240p + two AAC renditions, then subtitles, sprites, poster) with
//    the upload preset (`veryfast`) and the demo preset (`ultrafast`): seconds of media per second
//    of wall time, for the transcode step and for the whole job.
// 2. Time to first segment on loopback: POST /player/sessions/enhanced → multivariant playlist →
//    first variant playlist → init segment → first media segment, until its last byte; the API in
//    a child process with the demo catalog and the tiny demo media. Medians of 15 runs.
// With REEL_BENCH_FULL_DEMO=1 it also times generating the full demo set (four one-minute 720p
// sources, made and packaged two at a time as the server's worker pool does).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const api = join(root, 'apps', 'api', 'src', 'services', 'media');

type Row = Record<string, string | number>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] ?? 0;
};

async function transcodeSpeed(): Promise<{ title: string; rows: Row[]; notes: string }> {
  const { demoSet, generateDemoSource } = await import(join(api, 'demo.ts'));
  const { packageSource, validateSource } = await import(join(api, 'pipeline.ts'));
  const dir = mkdtempSync(join(tmpdir(), 'reel-bench-media-'));
  try {
    const set = { ...demoSet('full'), duration: 20 };
    const source = join(dir, 'source.mkv');
    const g0 = performance.now();
    await generateDemoSource(set.sources[0], set, source);
    const generated = (performance.now() - g0) / 1000;
    const { probe } = await validateSource(source);
    const rows: Row[] = [];
    for (const preset of ['veryfast', 'ultrafast']) {
      const t0 = performance.now();
      const out = await packageSource(source, probe, join(dir, `out-${preset}`), { segmentSeconds: 4, preset });
      const total = (performance.now() - t0) / 1000;
      rows.push({
        preset,
        ladder: out.rungs.map((r: { label: string }) => r.label).join('/'),
        'media s': out.duration,
        'transcode wall s': out.timings.transcodeSeconds,
        'transcode speed (media s / wall s)': Math.round((out.duration / out.timings.transcodeSeconds) * 100) / 100,
        'whole job wall s': Math.round(total * 100) / 100,
        'whole job speed': Math.round((out.duration / total) * 100) / 100,
      });
    }
    return {
      title: 'Media pipeline: transcode speed (20 s 1280x720 source, 2 audio + 2 subtitle tracks)',
      rows,
      notes: `One run each, ${cpus().length} cores, ffmpeg at nice 10. The whole job adds subtitles, trickplay sprites, the poster and measuring the renditions. Making the 20 s source itself took ${generated.toFixed(1)} s.`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fullDemo(): Promise<{ title: string; rows: Row[]; notes: string }> {
  const { demoSet, generateDemoSource } = await import(join(api, 'demo.ts'));
  const { packageSource, validateSource } = await import(join(api, 'pipeline.ts'));
  const dir = mkdtempSync(join(tmpdir(), 'reel-bench-demo-'));
  try {
    const set = demoSet('full');
    const rows: Row[] = [];
    const t0 = performance.now();
    const one = async (i: number) => {
      const a = performance.now();
      const file = join(dir, `${i}.mkv`);
      await generateDemoSource(set.sources[i], set, file);
      const b = performance.now();
      const { probe } = await validateSource(file);
      await packageSource(file, probe, join(dir, `out-${i}`), { segmentSeconds: 4, preset: 'ultrafast' });
      rows.push({
        source: set.sources[i].name,
        'generate s': Math.round((b - a) / 100) / 10,
        'validate + package s': Math.round((performance.now() - b) / 100) / 10,
      });
    };
    // Two at a time, as the worker pool runs them.
    const queue = set.sources.map((_: unknown, i: number) => i);
    await Promise.all(
      [0, 1].map(async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) await one(i);
      }),
    );
    const total = (performance.now() - t0) / 1000;
    rows.push({
      source: 'all four, two at a time',
      'generate s': '',
      'validate + package s': Math.round(total * 10) / 10,
    });
    return { title: 'Full demo media generation (4 × 60 s 720p)', rows, notes: `${cpus().length} cores.` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeToFirstSegment(): Promise<{ title: string; rows: Row[]; notes: string }> {
  const { startApiServer } = await import(join(root, 'scripts', 'api-server.mjs'));
  const server = await startApiServer({ env: { REEL_DEMO_MEDIA: 'tiny', LOG_LEVEL: 'silent' } });
  try {
    const base = server.url;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'viewer@reel.test', password: 'reel-viewer-demo' }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const films = (await (await fetch(`${base}/api/v1/titles?type=film&limit=10`, { headers: auth })).json()) as {
      items: { id: string }[];
    };
    const start = async (titleId: string) =>
      fetch(`${base}/api/v1/player/sessions/enhanced`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title_id: titleId }),
      });
    // Wait for the demo media, and find a film that plays here.
    let titleId: string | null = null;
    for (let tries = 0; !titleId && tries < 120; tries++) {
      for (const f of films.items) {
        const r = await start(f.id);
        if (r.status === 201) {
          titleId = f.id;
          break;
        }
        await r.arrayBuffer();
      }
      if (!titleId) await new Promise((r) => setTimeout(r, 1000));
    }
    if (!titleId) throw new Error('no playable film');
    const text = async (url: string) => (await fetch(url)).text();
    const firstUri = (playlist: string) => playlist.split('\n').find((l) => l && !l.startsWith('#')) as string;
    const runs: { session: number; master: number; variant: number; segment: number; total: number }[] = [];
    for (let i = 0; i < 16; i++) {
      const t0 = performance.now();
      const res = await start(titleId);
      const session = (await res.json()) as { manifest_url: string };
      const t1 = performance.now();
      const masterUrl = new URL(session.manifest_url, base);
      const master = await text(masterUrl.href);
      const t2 = performance.now();
      const variantUrl = new URL(firstUri(master), masterUrl);
      const variant = await text(variantUrl.href);
      const t3 = performance.now();
      const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(variant)?.[1] as string;
      await (await fetch(new URL(init, variantUrl))).arrayBuffer();
      const segment = await (await fetch(new URL(firstUri(variant), variantUrl))).arrayBuffer();
      const t4 = performance.now();
      if (segment.byteLength < 1000) throw new Error('short segment');
      // The first run warms up (connection, caches); it is left out.
      if (i > 0) runs.push({ session: t1 - t0, master: t2 - t1, variant: t3 - t2, segment: t4 - t3, total: t4 - t0 });
    }
    const ms = (x: number) => Math.round(x * 10) / 10;
    const col = (k: keyof (typeof runs)[number]) => runs.map((r) => r[k]);
    const rows: Row[] = [
      {
        step: 'POST /player/sessions/enhanced',
        'median ms': ms(median(col('session'))),
        'p90 ms': ms(p90(col('session'))),
      },
      { step: 'GET multivariant playlist', 'median ms': ms(median(col('master'))), 'p90 ms': ms(p90(col('master'))) },
      {
        step: 'GET first variant playlist',
        'median ms': ms(median(col('variant'))),
        'p90 ms': ms(p90(col('variant'))),
      },
      {
        step: 'GET init + first segment (last byte)',
        'median ms': ms(median(col('segment'))),
        'p90 ms': ms(p90(col('segment'))),
      },
      {
        step: 'session start → first segment’s last byte',
        'median ms': ms(median(col('total'))),
        'p90 ms': ms(p90(col('total'))),
      },
    ];
    return {
      title: 'Time to first segment on loopback',
      rows,
      notes: `${runs.length} runs after one warm-up, sequential, one viewer (each start replaces the device's previous stream). The API on PGlite with the demo catalog; the tiny demo media (640x360, 2 s segments).`,
    };
  } finally {
    await server.stop();
  }
}

export default async function bench() {
  const out = [await transcodeSpeed(), await timeToFirstSegment()];
  if (process.env.REEL_BENCH_FULL_DEMO === '1') out.push(await fullDemo());
  return out;
}
