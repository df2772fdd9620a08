// Runs against the real reference API (the test runner passes /api and /media to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import type { Person } from '@reel/contracts';
import { mountMany, themedFixture } from '@reel/core/testing';
import { signOut } from '@reel/title-card/testing';
import './define.js';
import type { ReelPersonDetail } from './reel-person-detail.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

/** A person from the demo catalog with the most titles. */
async function busiestPerson(): Promise<Person> {
  const home = await (await fetch('/api/v1/home/rails')).json();
  let best: Person | null = null;
  for (const rail of home.rails.slice(0, 2)) {
    for (const title of rail.items.slice(0, 4)) {
      const credits = await (await fetch(`/api/v1/titles/${title.id}/credits`)).json();
      for (const credit of [...credits.cast.slice(0, 2), ...credits.crew.slice(0, 1)]) {
        const person = (await (await fetch(`/api/v1/people/${credit.person.id}`)).json()) as Person;
        if (!best || person.filmography.length > best.filmography.length) best = person;
      }
    }
  }
  if (!best) throw new Error('no people in the demo catalog');
  return best;
}

describe('<reel-person-detail>', () => {
  let person: Person;
  before(async () => {
    await signOut();
    person = await busiestPerson();
  });

  async function mount(): Promise<ReelPersonDetail> {
    const el = await themedFixture<ReelPersonDetail>(
      html`<reel-person-detail person-id=${person.id}></reel-person-detail>`,
    );
    await waitUntil(() => $(el, 'h1'), 'the person renders', { timeout: 8000 });
    return el;
  }

  it('shows the person and a filmography linking every title', async () => {
    const el = await mount();
    expect($(el, 'h1')!.textContent).to.equal(person.name);
    expect($(el, '.eyebrow')!.textContent).to.contain(person.known_for);
    if (person.biography) expect($(el, '.bio')!.textContent).to.equal(person.biography);
    const links = [...el.shadowRoot!.querySelectorAll('.filmography a.film')].map((a) => a.getAttribute('href'));
    expect(new Set(links)).to.deep.equal(new Set(person.filmography.map((f) => `/title/${f.title.id}`)));
    const rail = el.shadowRoot!.querySelector('reel-rail')!;
    expect(rail.titles.length).to.equal(new Set(person.filmography.map((f) => f.title.id)).size);
  });

  it('says so when the person does not exist', async () => {
    const el = await themedFixture<ReelPersonDetail>(
      html`<reel-person-detail person-id="per_doesnotexist00"></reel-person-detail>`,
    );
    await waitUntil(() => $(el, '.reel-state--empty'), 'not found', { timeout: 8000 });
    expect($(el, '.reel-state__title')!.textContent).to.equal('We couldn’t find that person');
  });

  it('is accessible', async function () {
    this.timeout(30000);
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaks = await mountMany(
      () => {
        const el = document.createElement('reel-person-detail');
        el.personId = person.id;
        return el;
      },
      { times: 20 },
    );
    expect([...leaks.keys()]).to.deep.equal([]);
  });
});
