// Runs against the real reference API (the test runner passes /api and /media to it), signed in
// as the demo viewer's profile Alex. Alex's list is saved before and put back after.
import { expect, waitUntil } from '@open-wc/testing';
import {
  catalogBrowse,
  watchlistAdd,
  watchlistClear,
  watchlistExport,
  watchlistImport,
  watchlistList,
  watchlistRemove,
} from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@reel/core/define';
import './define.js';
import type { ReelWatchlist } from './reel-watchlist.js';
import type { ReelWatchlistButton } from './reel-watchlist-button.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** A page painted in the dark theme, as the site is (axe judges contrast against it). */
const themed = (child: Element) => {
  const page = document.createElement('div');
  page.dataset.reelTheme = 'dark';
  page.className = 'reel-test-page';
  page.append(child);
  return page;
};
const shownIds = (el: ReelWatchlist) => $$(el, '.item[data-id]').map((i) => i.dataset.id!);

/** The messages of the toasts on screen, and what was announced. */
const toasts = () => {
  const region = document.querySelector('reel-toast-region');
  return [...(region?.shadowRoot?.querySelectorAll('reel-toast') ?? [])];
};
const toastText = () =>
  toasts()
    .map((t) => t.getAttribute('message'))
    .join('\n');
const announced = () => document.querySelector('reel-toast-region')?.shadowRoot?.textContent ?? '';

describe('<reel-watchlist>', function () {
  this.timeout(60000);
  let provider: ReelAuthProvider;
  let profileId: string;
  let saved = '';
  let titles: string[] = [];

  const client = () => provider.session!.client;
  const params = () => ({ profile_id: profileId });
  const serverOrder = async () =>
    (await client().call(watchlistList, { params: params(), query: { limit: 200 } })).items.map((i) => i.title_id);
  const setList = async (ids: string[]) => {
    await client().call(watchlistClear, { params: params() });
    for (const id of [...ids].reverse()) {
      await client().call(watchlistAdd, { params: params(), body: { title_id: id } });
    }
  };
  const mount = async (attrs: Record<string, string> = {}) => {
    const el = document.createElement('reel-watchlist');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    provider.append(el);
    await waitUntil(() => $(el, '.items[data-view]') || $(el, '.empty'), 'the list renders', { timeout: 10000 });
    return el;
  };

  before(async () => {
    provider = document.createElement('reel-auth-provider');
    document.body.append(themed(provider));
    profileId = await signInAsAlex(await settled(provider));
    const file = await client().call(watchlistExport, { params: params(), query: {} });
    saved = await file.blob.text();
    const browse = await client().call(catalogBrowse, { query: { limit: 6 } });
    titles = browse.items.map((t) => t.id);
  });
  after(async () => {
    await client().call(watchlistImport, { params: params(), body: { mode: 'replace', content: saved } });
    provider.parentElement!.remove();
    await signOut();
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('reel-watchlist, reel-watchlist-button')) el.remove();
  });

  it('shows the list in its stored order as a grid and as a list, and passes axe', async () => {
    await setList(titles.slice(0, 4));
    const el = await mount();
    expect(shownIds(el)).to.deep.equal(titles.slice(0, 4));
    expect($(el, 'h1')!.textContent).to.equal('My List');
    await expect(el).to.be.accessible();
    el.view = 'list';
    await el.updateComplete;
    expect($(el, '.items')!.dataset.view).to.equal('list');
    expect($$(el, '.added')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('reorders by keyboard: Space picks up, arrows move, Space drops; the order is stored', async () => {
    await setList(titles.slice(0, 4));
    const el = await mount({ view: 'list' });
    const [a, b, c, d] = titles as [string, string, string, string];
    $(el, `[data-id="${a}"] .handle`)!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, `[data-id="${a}"]`)!.hasAttribute('data-picked')).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal([b, c, a, d]);
    expect(announced()).to.contain('moved to position 3 of 4');
    await sendKeys({ press: 'Space' });
    await waitUntil(async () => (await serverOrder()).join() === [b, c, a, d].join(), 'the order is stored', {
      timeout: 10000,
    });
    // Escape puts it back where it was.
    $(el, `[data-id="${d}"] .handle`)!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal([b, c, d, a]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal([b, c, a, d]);
    expect(await serverOrder()).to.deep.equal([b, c, a, d]);
  });

  it('rolls a refused reorder back and says why (the list changed on the server meanwhile)', async () => {
    await setList(titles.slice(0, 3));
    const el = await mount({ view: 'list' });
    const before = shownIds(el);
    // Behind the element's back: another device adds a title, so the order sent no longer matches.
    await client().call(watchlistAdd, { params: params(), body: { title_id: titles[4]! } });
    $(el, `[data-id="${before[0]}"] .handle`)!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => toastText().includes('Couldn’t save the new order'), 'an error toast', { timeout: 10000 });
    // Reloaded from the server: its order, with the new title.
    await waitUntil(() => shownIds(el).length === 4, 'reloads');
    expect(shownIds(el)).to.deep.equal([titles[4], ...before]);
  });

  it('searches, sorts and filters within the list', async () => {
    await setList(titles.slice(0, 5));
    const el = await mount();
    const items = (await client().call(watchlistList, { params: params(), query: { limit: 200 } })).items;
    const first = items[0]!.title;
    el.q = first.name.slice(0, 4);
    await el.updateComplete;
    expect(shownIds(el)).to.include(first.id);
    expect($(el, '.status')!.textContent).to.contain('Showing');
    // No reordering while a search is on.
    expect($(el, '.handle')).to.equal(null);
    el.q = '';
    el.sort = 'title';
    await el.updateComplete;
    const byName = [...items].sort((x, y) => x.title.name.localeCompare(y.title.name)).map((i) => i.title_id);
    expect(shownIds(el)).to.deep.equal(byName);
    el.sort = 'position';
    el.filterType = first.type;
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal(items.filter((i) => i.title.type === first.type).map((i) => i.title_id));
  });

  it('bulk adds pasted names and reports each line', async () => {
    await setList([]);
    const el = await mount();
    expect($(el, '.empty')).to.not.equal(null);
    await expect(el).to.be.accessible();
    const browse = await client().call(catalogBrowse, { query: { limit: 2 } });
    $<HTMLElement>(el, '.empty reel-button:nth-of-type(2)')!.click();
    await el.updateComplete;
    const field = $<HTMLElement & { value: string }>(el, 'reel-dialog[open] reel-text-field')!;
    field.value = `${browse.items[0]!.name}\nNo Such Title Anywhere`;
    field.dispatchEvent(new CustomEvent('reel-input', { detail: { value: field.value } }));
    await el.updateComplete;
    $<HTMLElement>(el, '[data-action="bulk-submit"]')!.click();
    await waitUntil(() => $$(el, '.report__row').length === 2, 'the report', { timeout: 8000 });
    const rows = $$(el, '.report__row');
    expect(rows[0]!.dataset.outcome).to.equal('added');
    expect(rows[1]!.dataset.outcome).to.equal('not_found');
    expect(await serverOrder()).to.deep.equal([browse.items[0]!.id]);
  });

  it('rejects a malformed import with where it is wrong, and changes nothing', async () => {
    await setList(titles.slice(0, 2));
    const el = await mount();
    $<HTMLElement>(el, '[data-action="import"]')!.click();
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['{\n  "format": "reel.watchlist",\n  "version": 1,\n}'], 'broken.json', { type: 'application/json' }),
    );
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => $(el, '.file-name')!.textContent === 'broken.json', 'the file is read');
    $<HTMLElement>(el, '[data-action="import-submit"]')!.click();
    await waitUntil(() => $(el, '.import-error'), 'the error shows', { timeout: 8000 });
    expect($(el, '.import-error')!.textContent).to.contain('Nothing was changed');
    expect($(el, '.import-error__where')!.textContent).to.contain('Line 4');
    expect(await serverOrder()).to.deep.equal(titles.slice(0, 2));
  });

  it('removes optimistically with undo, and clears all with confirm then undo', async () => {
    await setList(titles.slice(0, 3));
    const el = await mount();
    $<HTMLElement>(el, `[data-id="${titles[0]}"] .remove`)!.click();
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal(titles.slice(1, 3));
    await waitUntil(async () => (await serverOrder()).length === 2, 'removed on the server');
    $<HTMLElement>(el, '[data-action="clear"]')!.click();
    await el.updateComplete;
    const confirm = $<HTMLElement & { open: boolean }>(el, 'reel-confirm-dialog[danger]')!;
    expect(confirm.open).to.equal(true);
    confirm.dispatchEvent(new CustomEvent('reel-confirm', { bubbles: true, composed: true, cancelable: true }));
    await waitUntil(() => $(el, '.empty'), 'the list is empty');
    await waitUntil(() => toastText().includes('Cleared My List'), 'the undo toast', { timeout: 10000 });
    const toast = toasts().find((t) => t.getAttribute('message')!.includes('Cleared My List'))!;
    toast.shadowRoot!.querySelector<HTMLButtonElement>('button.action')!.click();
    await waitUntil(() => shownIds(el).length === 2, 'restored', { timeout: 8000 });
    expect(shownIds(el)).to.deep.equal(titles.slice(1, 3));
  });

  it('tags the selected titles, shows the tags and filters by them; the server keeps them', async () => {
    await setList(titles.slice(0, 3));
    const el = await mount();
    for (const id of titles.slice(0, 2)) {
      $(el, `[data-id="${id}"] reel-checkbox`)!.dispatchEvent(
        new CustomEvent('reel-change', { detail: { checked: true, value: 'on' } }),
      );
    }
    await el.updateComplete;
    const tag = `late-night-${Date.now() % 10000}`;
    $(el, 'reel-text-field.tag')!.dispatchEvent(new CustomEvent('reel-input', { detail: { value: `${tag}, cosy` } }));
    await el.updateComplete;
    ($(el, '.tag-form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => toastText().includes('Tagged 2 titles'), 'the tag toast');
    for (const id of titles.slice(0, 2)) expect($(el, `[data-id="${id}"]`)!.textContent).to.contain(`#${tag}`);
    expect($(el, `[data-id="${titles[2]}"]`)!.textContent).not.to.contain(`#${tag}`);
    const stored = await client().call(watchlistList, { params: params(), query: { limit: 200 } });
    const tagsOf = (id: string) => stored.items.find((i) => i.title_id === id)?.tags ?? [];
    expect(tagsOf(titles[0]!)).to.include.members([tag, 'cosy']);
    expect(tagsOf(titles[2]!)).not.to.include(tag);
  });

  it('makes a folder, moves selected titles to it and shares it as a link', async () => {
    await setList(titles.slice(0, 3));
    const el = await mount();
    $<HTMLElement>(el, '[data-action="new-folder"]')!.click();
    await el.updateComplete;
    const name = `Weekend ${Date.now() % 10000}`;
    const field = $<HTMLElement & { value: string }>(el, 'reel-dialog[open] reel-text-field')!;
    field.dispatchEvent(new CustomEvent('reel-input', { detail: { value: name } }));
    $<HTMLElement>(el, '[data-action="folder-save"]')!.click();
    await waitUntil(() => $$(el, '.chip').some((c) => c.textContent!.includes(name)), 'the folder chip');
    // The new folder is selected and empty; go back to all titles, select two, move them.
    el.folder = '';
    await el.updateComplete;
    for (const id of titles.slice(0, 2)) {
      $(el, `[data-id="${id}"] reel-checkbox`)!.dispatchEvent(
        new CustomEvent('reel-change', { detail: { checked: true, value: 'on' } }),
      );
    }
    await el.updateComplete;
    expect($(el, '.selection-count')!.textContent).to.contain('2 selected');
    const folderId = (el as unknown as { folders: { items: { id: string; name: string }[] } }).folders.items.find(
      (f) => f.name === name,
    )!.id;
    $(el, 'reel-select.move')!.dispatchEvent(new CustomEvent('reel-change', { detail: { value: folderId } }));
    await waitUntil(() => $$(el, '.label--folder').length === 2, 'moved');
    el.folder = folderId;
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal(titles.slice(0, 2));
    $<HTMLElement>(el, '[data-action="share"]')!.click();
    await waitUntil(() => ($(el, '.share-url') as (HTMLElement & { value: string }) | null)?.value, 'the share link', {
      timeout: 10000,
    });
    const url = ($(el, '.share-url') as HTMLElement & { value: string }).value;
    expect(url).to.match(/\/shared\/my-list\/[A-Za-z0-9_-]+$/);
    const token = url.split('/').pop()!;
    const shared = await fetch(`/api/v1/shared/watchlists/${token}`, { credentials: 'omit' });
    expect(shared.status).to.equal(200);
    expect(((await shared.json()) as { items: unknown[] }).items).to.have.length(2);
    // The public page of the link: read-only, the folder's titles only.
    const page = document.createElement('reel-watchlist');
    page.setAttribute('share-token', token);
    document.body.append(themed(page));
    await waitUntil(() => $$(page, '.item[data-id]').length === 2, 'the shared folder shows', { timeout: 10000 });
    expect($(page, 'h1')!.textContent).to.equal(name);
    expect($(page, '.handle, .remove, reel-checkbox')).to.equal(null);
    await expect(page).to.be.accessible();
    page.parentElement!.remove();
  });
});

describe('<reel-watchlist-button>', function () {
  this.timeout(30000);
  let provider: ReelAuthProvider;
  before(async () => {
    provider = document.createElement('reel-auth-provider');
    document.body.append(themed(provider));
    await signInAsAlex(await settled(provider));
  });
  after(async () => {
    provider.parentElement!.remove();
    await signOut();
  });

  it('toggles a title on and off the list and follows changes made elsewhere', async () => {
    const browse = await provider.session!.client.call(catalogBrowse, { query: { limit: 8 } });
    const title = browse.items[7]!;
    const button = document.createElement('reel-watchlist-button') as ReelWatchlistButton;
    button.titleId = title.id;
    button.titleName = title.name;
    button.inWatchlist = false;
    provider.append(button);
    await button.updateComplete;
    await expect(button).to.be.accessible();
    $<HTMLElement>(button, 'reel-button')!.click();
    await waitUntil(() => button.inWatchlist === true, 'on');
    window.dispatchEvent(
      new CustomEvent('reel-watchlist-change', { detail: { titleId: title.id, inWatchlist: false } }),
    );
    expect(button.inWatchlist).to.equal(false);
    button.remove();
    await provider.session!.client.call(watchlistRemove, {
      params: { profile_id: provider.session!.profileId!, title_id: title.id },
    });
  });
});
