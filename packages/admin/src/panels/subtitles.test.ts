// Runs against the real reference API, signed in as the demo admin: a film's subtitle tracks,
// an invalid file's issues shown by line next to the file (the form keeps its values), an SRT
// added, shifted and deleted behind the confirmation dialog.
import { expect, waitUntil } from '@open-wc/testing';
import '@reel/core/define';
import '../define.js';
import './subtitles.js';
import { adminPage, chooseFile, confirm, field, press, root, submit, type } from '../asset-test-support.js';
import type { ReelAdminSubtitles } from './subtitles.js';

const LABEL = `Test FR ${Date.now().toString(36)}`;

describe('<reel-admin-subtitles>', function () {
  // Real API, real media work and axe on a shared 2-core machine.
  this.timeout(60000);
  let ctx: Awaited<ReturnType<typeof adminPage>>;
  let el: ReelAdminSubtitles;

  before(async function () {
    this.timeout(120000);
    ctx = await adminPage();
    el = document.createElement('reel-admin-subtitles') as ReelAdminSubtitles;
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

  const row = (label: string) =>
    [...root(el).querySelectorAll('ul.items li')].find((li) => li.textContent?.includes(label)) as
      | HTMLElement
      | undefined;

  it('lists tracks and is accessible', async () => {
    expect(root(el).querySelector('h1')?.textContent).to.equal('Subtitles');
    await expect(el).to.be.accessible();
  });

  it('shows a bad file’s issues by line next to the file and keeps the form', async () => {
    type(field(el, 'language'), 'fr');
    type(field(el, 'label'), LABEL);
    chooseFile(
      el,
      new File(['1\n00:00:01,000 --> 00:00:02,000\nBonjour\n\n2\n00:00:03,000 -> nope\nSalut\n'], 'bad.srt'),
    );
    await waitUntil(() => root(el).querySelector('.issues li.error'), 'the issues are listed');
    expect(root(el).querySelector('.issues li.error')?.textContent).to.contain('Line 6');
    submit(el);
    await waitUntil(() => root(el).querySelector('.drop + .error-text'), 'the file field shows the error');
    expect(field(el, 'language').value).to.equal('fr');
    expect(field(el, 'label').value).to.equal(LABEL);
    await expect(el).to.be.accessible();
  });

  it('adds an SRT, shifts it and deletes it after confirming', async function () {
    this.timeout(40000);
    chooseFile(
      el,
      new File(['1\n00:00:00,500 --> 00:00:01,500\nBonjour\n\n2\n00:00:02,000 --> 00:00:03,000\nSalut\n'], 'ok.srt'),
    );
    await waitUntil(() => root(el).querySelector('[role="status"] p.muted'), 'the file is valid');
    submit(el);
    await waitUntil(() => row(LABEL), 'the new track is listed', { timeout: 20000 });
    const item = row(LABEL) as HTMLElement;
    expect(item.textContent).to.contain('2 cues');
    type(item.querySelector('reel-text-field.shift') as Element, '1');
    press(item.querySelector('[data-action="shift"]') as Element);
    await waitUntil(() => row(LABEL)?.textContent?.includes('0:01.500'), 'the cues moved', { timeout: 10000 });
    press(row(LABEL)?.querySelector('[data-action="delete"]') as Element);
    await confirm(el);
    await waitUntil(() => !row(LABEL), 'the track is gone', { timeout: 10000 });
  });
});
