// Runs against the real reference API, signed in as the demo admin: a poster of the wrong shape
// refused next to the file before upload (values kept), a right one uploaded with variants made,
// and deleted behind the confirmation dialog.
import { expect, waitUntil } from '@open-wc/testing';
import '@reel/core/define';
import '../define.js';
import './artwork.js';
import { adminPage, chooseFile, confirm, field, pngFile, press, root, submit, type } from '../asset-test-support.js';
import type { ReelAdminArtwork } from './artwork.js';

describe('<reel-admin-artwork>', function () {
  // Real API, real media work and axe on a shared 2-core machine.
  this.timeout(60000);
  let ctx: Awaited<ReturnType<typeof adminPage>>;
  let el: ReelAdminArtwork;

  before(async function () {
    this.timeout(120000);
    ctx = await adminPage();
    el = document.createElement('reel-admin-artwork') as ReelAdminArtwork;
    ctx.provider.append(el);
    await waitUntil(() => root(el).querySelector('form'), 'the form renders', { timeout: 30000 });
  });
  after(() => ctx.close());

  const rows = () => [...root(el).querySelectorAll('ul.items li')] as HTMLElement[];

  it('is accessible', async () => {
    await expect(el).to.be.accessible();
  });

  it('refuses a poster of the wrong shape next to the file, keeping the values', async () => {
    type(field(el, 'language'), 'en');
    chooseFile(el, await pngFile(900, 600));
    await waitUntil(
      () => root(el).querySelector('.drop + .error-text')?.textContent?.includes('2:3'),
      'the shape is refused',
    );
    submit(el);
    await waitUntil(() => root(el).querySelector('form .form-foot .error-text')?.textContent, 'the form says why');
    expect(field(el, 'language').value).to.equal('en');
    expect(rows().length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('uploads a poster with variants and deletes it after confirming', async function () {
    this.timeout(40000);
    chooseFile(el, await pngFile(500, 750, 'poster.png'));
    submit(el);
    await waitUntil(() => rows().some((r) => r.textContent?.includes('500×750')), 'the poster is listed', {
      timeout: 20000,
    });
    const row = rows().find((r) => r.textContent?.includes('500×750')) as HTMLElement;
    expect(row.textContent).to.contain('2 variants');
    expect(row.querySelector('img')).to.exist;
    await expect(el).to.be.accessible();
    // A second poster can go (the only poster of a published title cannot).
    chooseFile(el, await pngFile(400, 600, 'second.png'));
    submit(el);
    await waitUntil(() => rows().some((r) => r.textContent?.includes('400×600')), 'the second poster is listed', {
      timeout: 20000,
    });
    const second = rows().find((r) => r.textContent?.includes('400×600')) as HTMLElement;
    press(second.querySelector('[data-action="delete"]') as Element);
    await confirm(el);
    await waitUntil(() => !rows().some((r) => r.textContent?.includes('400×600')), 'the second poster is gone', {
      timeout: 10000,
    });
  });
});
