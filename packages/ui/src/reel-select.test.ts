import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import './define.js';
import type { ReelSelect, SelectOption } from './reel-select.js';

const genres: SelectOption[] = [
  { value: 'drama', label: 'Drama' },
  { value: 'anime', label: 'Anime' },
  { value: 'docs', label: 'Documentaries', disabled: true },
  { value: 'comedy', label: 'Comedy' },
  { value: 'horror', label: 'Horror' },
];
const combobox = (el: ReelSelect) => el.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!;
const listbox = (el: ReelSelect) => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const active = (el: ReelSelect) => {
  const id = combobox(el).getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id)?.textContent?.trim() : undefined;
};
const mount = (value = '') =>
  themedFixture<ReelSelect>(
    html`<reel-select label="Genre" name="genre" .options=${genres} value=${value}></reel-select>`,
  );
const press = async (el: ReelSelect, key: string) => {
  await sendKeys({ press: key });
  await el.updateComplete;
};

describe('reel-select', () => {
  afterEach(() => setLocale('en'));

  it('is a labelled, collapsed select-only combobox showing the chosen option', async () => {
    const el = await mount('anime');
    const box = combobox(el);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.getAttribute('aria-haspopup')).to.equal('listbox');
    expect(box.getAttribute('aria-controls')).to.equal('listbox');
    expect(el.shadowRoot!.getElementById(box.getAttribute('aria-labelledby')!)!.textContent).to.equal('Genre');
    expect(box.textContent!.trim()).to.equal('Anime');
    expect(box.tabIndex).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('opens on ArrowDown at the chosen option, moves with arrows past disabled ones, and chooses with Enter', async () => {
    const el = await mount('anime');
    const changes: string[] = [];
    el.addEventListener('reel-change', (e) => changes.push(e.detail.value));
    el.focus();
    await press(el, 'ArrowDown');
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    expect(listbox(el).matches(':popover-open')).to.equal(true);
    expect(active(el)).to.equal('Anime');
    await press(el, 'ArrowDown');
    expect(active(el)).to.equal('Comedy'); // Documentaries is disabled
    const options = [...listbox(el).querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.getAttribute('aria-selected'))).to.deep.equal([
      'false',
      'true',
      'false',
      'false',
      'false',
    ]);
    expect(options[2]!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await press(el, 'Enter');
    expect(el.value).to.equal('comedy');
    expect(changes).to.deep.equal(['comedy']);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(combobox(el));
  });

  it('supports Home, End, type-ahead, Escape (no change) and Tab (chooses)', async () => {
    const el = await mount('drama');
    el.focus();
    await press(el, 'End');
    expect(active(el)).to.equal('Horror');
    await press(el, 'Home');
    expect(active(el)).to.equal('Drama');
    await press(el, 'c');
    expect(active(el)).to.equal('Comedy');
    await press(el, 'Escape');
    expect(el.value).to.equal('drama');
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    await press(el, 'h'); // type-ahead opens a closed select
    expect(active(el)).to.equal('Horror');
    await press(el, 'Tab');
    expect(el.value).to.equal('horror');
  });

  it('chooses with a click, and closes on a click outside', async () => {
    const el = await mount();
    expect(combobox(el).textContent!.trim()).to.equal('');
    combobox(el).click();
    await el.updateComplete;
    listbox(el).querySelectorAll<HTMLElement>('[role="option"]')[1]!.click();
    await el.updateComplete;
    expect(el.value).to.equal('anime');
    combobox(el).click();
    await el.updateComplete;
    expect(listbox(el).matches(':popover-open')).to.equal(true);
    await sendMouse({ type: 'click', position: [2, 2] });
    await el.updateComplete;
    expect(listbox(el).matches(':popover-open')).to.equal(false);
  });

  it('reads <option> children, submits, requires and resets with its form', async () => {
    const form = await themedFixture<HTMLFormElement>(html`<form>
      <reel-select name="audio" label="Audio" required>
        <option value="en">English</option>
        <option value="es" selected>Español</option>
        <option value="ja" disabled>日本語</option>
      </reel-select>
    </form>`);
    const el = form.querySelector('reel-select')!;
    await el.updateComplete;
    expect(el.items.map((o) => o.label)).to.deep.equal(['English', 'Español', '日本語']);
    expect(el.value).to.equal('es');
    expect(new FormData(form).get('audio')).to.equal('es');
    el.value = '';
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
  });

  it('opens its listbox under the trigger, aligned to the right edge in Arabic', async () => {
    const el = await mount('anime');
    await setLocale('ar');
    await el.updateComplete;
    el.focus();
    await press(el, 'ArrowDown');
    const trigger = combobox(el).getBoundingClientRect();
    const popup = listbox(el).getBoundingClientRect();
    expect(Math.abs(popup.right - trigger.right)).to.be.lessThan(1);
    expect(popup.top).to.be.greaterThan(trigger.bottom - 1);
    expect(getComputedStyle(listbox(el)).direction).to.equal('rtl');
  });

  it('renders option labels as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await themedFixture<ReelSelect>(
      html`<reel-select label="x" .options=${[{ value: 'a', label: hostile }]} value="a"></reel-select>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(combobox(el).textContent!.trim()).to.equal(hostile);
  });

  it('leaves no listener behind, even after being opened', async () => {
    const leaked = await mountMany(
      () => {
        const el = Object.assign(document.createElement('reel-select'), { label: 'Genre', options: genres });
        el.updateComplete.then(() => {
          el.focus();
          combobox(el).click();
        });
        return el;
      },
      { times: 50 },
    );
    expect([...leaked]).to.deep.equal([]);
  });
});
