// Runs against the real reference API, signed in as the demo admin: the trailers of a title, a
// missing name and file refused next to their fields, and a trailer record renamed and deleted
// behind the confirmation dialog.
import { expect, waitUntil } from '@open-wc/testing';
import { adminTrailersCreate } from '@reel/contracts';
import '@reel/core/define';
import '../define.js';
import './trailers.js';
import { adminPage, confirm, field, press, root, submit, type } from '../asset-test-support.js';
import type { ReelAdminTrailers } from './trailers.js';

const NAME = `Teaser ${Date.now().toString(36)}`;

describe('<reel-admin-trailers>', function () {
  // Real API, real media work and axe on a shared 2-core machine.
  this.timeout(60000);
  let ctx: Awaited<ReturnType<typeof adminPage>>;
  let el: ReelAdminTrailers;

  before(async function () {
    this.timeout(120000);
    ctx = await adminPage();
    el = document.createElement('reel-admin-trailers') as ReelAdminTrailers;
    ctx.provider.append(el);
    await waitUntil(() => root(el).querySelector('form'), 'the form renders', { timeout: 30000 });
  });
  after(() => ctx.close());

  const row = (name: string) =>
    [...root(el).querySelectorAll('ul.items li')].find((li) => li.textContent?.includes(name)) as
      | HTMLElement
      | undefined;

  it('is accessible', async () => {
    await expect(el).to.be.accessible();
  });

  it('refuses a trailer without a name or a file, next to the fields', async () => {
    type(field(el, 'language'), 'en');
    submit(el);
    await waitUntil(() => field(el, 'name').error, 'the name field shows the error');
    expect(root(el).querySelector('.drop + .error-text')?.textContent).to.contain('video');
    expect(field(el, 'language').value).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('renames a trailer and deletes it after confirming', async function () {
    this.timeout(30000);
    const titleId = (el as unknown as { titleId: string }).titleId;
    await ctx.provider.session?.client.call(adminTrailersCreate, {
      body: { title_id: titleId, name: NAME, filename: 'teaser.mp4', content_type: 'video/mp4', size_bytes: 1000 },
    });
    // Choosing the title again reloads its list.
    await (el as unknown as { pick(id: string): Promise<void> }).pick(titleId);
    await waitUntil(() => row(NAME), 'listed');
    press(row(NAME)?.querySelector('[data-action="edit"]') as Element);
    await waitUntil(() => field(el, 'name')?.value === NAME, 'the form is filled');
    type(field(el, 'name'), `${NAME} final`);
    submit(el);
    await waitUntil(() => row(`${NAME} final`), 'renamed', { timeout: 10000 });
    press(row(`${NAME} final`)?.querySelector('[data-action="delete"]') as Element);
    await confirm(el);
    await waitUntil(() => !row(NAME), 'gone', { timeout: 10000 });
  });
});
