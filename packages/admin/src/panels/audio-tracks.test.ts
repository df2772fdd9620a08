// Runs against the real reference API, signed in as the demo admin: a film's audio tracks, a
// missing file refused next to the field (values kept), a WAV uploaded with progress and
// encoded, renamed, and deleted behind the confirmation dialog.
import { expect, waitUntil } from '@open-wc/testing';
import '@reel/core/define';
import '../define.js';
import './audio-tracks.js';
import { adminPage, chooseFile, confirm, field, press, root, submit, type } from '../asset-test-support.js';
import type { ReelAdminAudioTracks } from './audio-tracks.js';

const NAME = `Dub ${Date.now().toString(36)}`;

/** A second of silence as a 16-bit stereo WAV. */
function wav(seconds = 1): File {
  const rate = 8000;
  const samples = rate * seconds * 2;
  const buf = new ArrayBuffer(44 + samples * 2);
  const v = new DataView(buf);
  const s = (o: number, t: string) => {
    for (const [i, c] of [...t].entries()) v.setUint8(o + i, c.charCodeAt(0));
  };
  s(0, 'RIFF');
  v.setUint32(4, 36 + samples * 2, true);
  s(8, 'WAVEfmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 2, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 4, true);
  v.setUint16(32, 4, true);
  v.setUint16(34, 16, true);
  s(36, 'data');
  v.setUint32(40, samples * 2, true);
  return new File([buf], 'dub.wav', { type: 'audio/wav' });
}

describe('<reel-admin-audio-tracks>', function () {
  // Real API, real media work and axe on a shared 2-core machine.
  this.timeout(60000);
  let ctx: Awaited<ReturnType<typeof adminPage>>;
  let el: ReelAdminAudioTracks;

  before(async function () {
    this.timeout(120000);
    ctx = await adminPage();
    el = document.createElement('reel-admin-audio-tracks') as ReelAdminAudioTracks;
    ctx.provider.append(el);
    // Demo media may still be processing when the server starts: look again until it is ready.
    const panel = el as unknown as { reload(): Promise<void>; titleId: string };
    await waitUntil(() => panel.titleId, 'a film is chosen', { timeout: 30000 });
    for (let i = 0; i < 40 && !root(el).querySelector('ul.items li'); i++) {
      await new Promise((r) => setTimeout(r, 2500));
      await panel.reload();
    }
    await waitUntil(() => root(el).querySelector('ul.items li'), "a film's tracks are listed");
  });
  after(() => ctx.close());

  const row = (name: string) =>
    [...root(el).querySelectorAll('ul.items li')].find((li) => li.textContent?.includes(name)) as
      | HTMLElement
      | undefined;

  it('lists tracks and is accessible', async () => {
    expect(root(el).querySelectorAll('ul.items li').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('asks for a file next to the field and keeps the values', async () => {
    type(field(el, 'language'), 'it');
    type(field(el, 'name'), NAME);
    submit(el);
    await waitUntil(() => root(el).querySelector('.drop + .error-text'), 'the file field shows the error');
    expect(field(el, 'name').value).to.equal(NAME);
    await expect(el).to.be.accessible();
  });

  it('uploads a WAV that becomes a ready track, renames it and deletes it', async function () {
    this.timeout(60000);
    chooseFile(el, wav());
    submit(el);
    await waitUntil(() => row(NAME), 'the track is listed', { timeout: 20000 });
    await waitUntil(() => row(NAME)?.textContent?.includes('aac'), 'the track is encoded', { timeout: 30000 });
    press(row(NAME)?.querySelector('[data-action="edit"]') as Element);
    await waitUntil(() => field(el, 'name')?.value === NAME, 'the form is filled');
    type(field(el, 'name'), `${NAME} 2`);
    submit(el);
    await waitUntil(() => row(`${NAME} 2`), 'renamed', { timeout: 10000 });
    press(row(`${NAME} 2`)?.querySelector('[data-action="delete"]') as Element);
    await confirm(el);
    await waitUntil(() => !row(NAME), 'the track is gone', { timeout: 10000 });
  });
});
