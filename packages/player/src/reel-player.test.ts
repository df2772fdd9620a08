// Runs against the real reference API and its demo media (tiny: 6-second 640×360 episodes with
// recap, intro, credits and preview markers), through the real engine and hls.js.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { settingsProfile } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import { settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@reel/core/define';
import './define.js';
import type { ReelPlayer } from './reel-player.js';

interface Ep {
  id: string;
  number: number;
}

const $ = <T extends Element = HTMLElement>(p: ReelPlayer, s: string) =>
  p.shadowRoot!.querySelector<T & Element>(s) as T | null;
const $$ = (p: ReelPlayer, s: string) => [...p.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const button = (p: ReelPlayer, label: string | RegExp) =>
  $$(p, 'button').find((b) =>
    typeof label === 'string'
      ? b.getAttribute('aria-label') === label
      : label.test(b.getAttribute('aria-label') ?? '') || label.test(b.textContent ?? ''),
  );

/** A series with at least two episodes in season 1 (demo media binds every episode). */
async function series(): Promise<{ titleId: string; episodes: Ep[] }> {
  const titles = (await (await fetch('/api/v1/titles?type=series&limit=10')).json()) as { items: { id: string }[] };
  for (const t of titles.items) {
    const res = await fetch(`/api/v1/titles/${t.id}/seasons/1/episodes`);
    if (!res.ok) continue;
    const { items } = (await res.json()) as { items: Ep[] };
    if (items.length >= 3) return { titleId: t.id, episodes: items };
  }
  throw new Error('no series with three episodes in the demo catalog');
}

/** Waits until the player is playing with its controls (the demo media may still be being made). */
async function ready(p: ReelPlayer): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await waitUntil(() => p.phase === 'ready' || p.phase === 'error', 'the session starts', { timeout: 30_000 });
    if (p.phase === 'ready') break;
    if (Date.now() > deadline) throw new Error(`playback did not start: ${p.error?.code} ${p.error?.message}`);
    await new Promise((r) => setTimeout(r, 1500));
    p.retry();
  }
  await waitUntil(() => p.video.readyState >= 2, 'media loads', { timeout: 30_000 });
  await waitUntil(() => $(p, '.bottom') !== null, 'controls render', { timeout: 5000 });
}

const key = async (p: ReelPlayer, press: string) => {
  await sendKeys({ press });
  await p.updateComplete;
};

describe('<reel-player>', function () {
  this.timeout(120_000);
  let provider: ReelAuthProvider;
  let show: { titleId: string; episodes: Ep[] };

  before(async () => {
    await signOut();
    provider = document.createElement('reel-auth-provider');
    provider.setAttribute('data-reel-theme', 'dark');
    document.body.append(provider);
    await signInAsAlex(await settled(provider));
    show = await series();
  });
  after(async () => {
    provider.remove();
    await signOut();
  });

  async function mount(episode = 1, extra = ''): Promise<ReelPlayer> {
    const p = document.createElement('reel-player');
    p.titleId = show.titleId;
    p.episodeId = show.episodes[episode - 1]!.id;
    p.muted = true;
    p.startTime = 0;
    if (extra) p.setAttribute('disable-shortcuts', extra);
    p.style.width = '960px';
    provider.append(p);
    await p.updateComplete;
    return p;
  }

  afterEach(() => {
    for (const p of provider.querySelectorAll('reel-player')) p.remove();
  });

  it('shows a labelled play button before playback and loads no engine until asked', async () => {
    const p = await fixture<ReelPlayer>(html`<reel-player title-id=${show.titleId}></reel-player>`);
    const play = $(p, 'button[part="play-button"]');
    expect(play?.getAttribute('aria-label')).to.equal('Play');
    expect(p.engine).to.equal(null);
    expect(p.video.getAttribute('src')).to.equal(null);
    await waitUntil(() => $(p, '.headline h1')?.textContent, 'the title name shows', { timeout: 8000 });
  });

  it('plays, renders labelled controls and speaks the position in words', async () => {
    const p = await mount();
    const events: string[] = [];
    for (const type of ['reel-play', 'reel-timeupdate']) p.addEventListener(type, () => events.push(type));
    await p.play();
    await ready(p);
    await waitUntil(() => events.includes('reel-play'), 'reel-play fires');
    for (const b of $$(p, '.chrome button'))
      expect(b.getAttribute('aria-label'), b.outerHTML).to.be.a('string').and.not.empty;
    for (const label of [
      'Pause',
      'Back 10 seconds',
      'Forward 10 seconds',
      '(Mute|Unmute)',
      'Quality',
      'Playback speed',
      'Full screen',
      'Back',
    ]) {
      expect(button(p, new RegExp(`^${label}$`)), label).to.exist;
    }
    const seek = $(p, '[role="slider"][part="seek"]')!;
    expect(seek.getAttribute('aria-valuetext')).to.match(/seconds? of \d+ seconds?/);
    expect(button(p, 'Pause')?.getAttribute('aria-keyshortcuts')).to.equal('k Space');
  });

  it('sizes its controls to its container: in a 320 px column every control fits, none overlap', async () => {
    const p = await mount();
    p.style.width = '320px';
    await p.play();
    await ready(p);
    await waitUntil(() => $$(p, '.chrome button').length > 0, 'the controls load');
    const box = p.getBoundingClientRect();
    const shown = $$(p, '.chrome button').filter(
      (b) => b.getClientRects().length && getComputedStyle(b).visibility !== 'hidden',
    );
    expect(shown.map((b) => b.getAttribute('aria-label'))).to.include.members(['Pause', 'Full screen']);
    const rects = shown.map((b) => ({ label: b.getAttribute('aria-label'), r: b.getBoundingClientRect() }));
    for (const { label, r } of rects) {
      expect(r.left >= box.left - 0.5 && r.right <= box.right + 0.5, `${label} inside the player`).to.equal(true);
      expect(r.width, `${label} is a usable target`).to.be.at.least(24);
    }
    for (const [i, a] of rects.entries())
      for (const b of rects.slice(i + 1)) {
        const overlap = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const vertical = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        expect(overlap > 1 && vertical > 1, `${a.label} and ${b.label} overlap`).to.equal(false);
      }
    // The wide layout's extras (episode name next to the title, elapsed time) make room in a column.
    expect($$(p, '.time').every((t) => !t.getClientRects().length)).to.equal(true);
  });

  it('is accessible with the controls and a menu open', async () => {
    const p = await mount();
    await p.play();
    await ready(p);
    p.pause();
    await p.updateComplete;
    await expect(p).to.be.accessible();
    button(p, 'Quality')!.click();
    await p.updateComplete;
    await expect(p).to.be.accessible();
  });

  it('runs through every control with the keyboard alone', async () => {
    const p = await mount();
    await p.play();
    await ready(p);
    p.stage()!.focus();
    // k pauses and plays; m mutes; arrows seek; Home goes to the start.
    await key(p, 'k');
    expect(p.video.paused).to.equal(true);
    p.video.muted = false;
    await key(p, 'm');
    expect(p.video.muted).to.equal(true);
    await key(p, 'ArrowRight');
    await waitUntil(() => p.video.currentTime >= 4, 'ArrowRight seeks 5 s');
    await key(p, 'Home');
    await waitUntil(() => p.video.currentTime < 0.5, 'Home seeks to the start');
    await key(p, '5');
    await waitUntil(() => Math.abs(p.video.currentTime - 3) < 0.3, '5 seeks to 50%');
    await key(p, '>');
    expect(p.video.playbackRate).to.equal(1.25);
    await key(p, '<');
    expect(p.video.playbackRate).to.equal(1);
    // Tab reaches every control in order.
    const reached: string[] = [];
    for (let i = 0; i < 14; i++) {
      await key(p, 'Tab');
      const el = p.shadowRoot!.activeElement as HTMLElement | null;
      if (el) reached.push(el.getAttribute('aria-label') ?? '');
    }
    for (const label of [
      'Back',
      'Seek',
      'Play',
      'Back 10 seconds',
      'Forward 10 seconds',
      'Unmute',
      'Volume',
      'Quality',
      'Full screen',
    ]) {
      expect(reached, label).to.include(label);
    }
    // A menu: Enter opens it on the checked item, arrows move, Enter picks, Escape closes back to its button.
    button(p, 'Playback speed')!.focus();
    await key(p, 'Enter');
    await waitUntil(
      () => p.shadowRoot!.activeElement?.getAttribute('role') === 'menuitemradio',
      'focus moves into the menu',
    );
    expect(p.shadowRoot!.activeElement?.textContent).to.contain('Normal');
    await key(p, 'ArrowDown');
    await key(p, 'Enter');
    expect(p.video.playbackRate).to.equal(1.25);
    expect(p.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Playback speed');
    await key(p, 'Enter');
    await waitUntil(() => $(p, '.menu') !== null, 'the menu opens again');
    await key(p, 'Escape');
    expect($(p, '.menu')).to.equal(null);
    expect(p.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Playback speed');
    // The volume slider moves with the arrows.
    const volume = $(p, '.volume')!;
    volume.focus();
    p.video.muted = false;
    p.video.volume = 0.5;
    await key(p, 'ArrowUp');
    expect(p.video.volume).to.be.closeTo(0.6, 0.01);
    // Shift+/ opens the shortcuts dialog; Escape closes it.
    p.stage()!.focus();
    await key(p, '?');
    await waitUntil(() => $(p, 'dialog[open]') !== null, 'the shortcuts dialog opens');
    expect($(p, 'dialog h2')?.textContent).to.equal('Keyboard shortcuts');
    await key(p, 'Escape');
    await waitUntil(() => $(p, 'dialog') === null, 'the dialog closes');
  });

  it('lists Auto and every rung in the quality menu, and picks one', async () => {
    const p = await mount();
    await p.play();
    await ready(p);
    await waitUntil(() => (p.engine?.levels.length ?? 0) > 0, 'levels are known');
    button(p, 'Quality')!.click();
    await p.updateComplete;
    const items = $$(p, '.menu [role="menuitemradio"]');
    expect(items.length).to.equal(p.engine!.levels.length + 1);
    expect(items[0]!.textContent).to.contain('Auto');
    for (const level of p.engine!.levels)
      expect(items.some((i) => i.textContent?.includes(level.label))).to.equal(true);
    const changes: CustomEvent[] = [];
    p.addEventListener('reel-quality-change', (e) => changes.push(e as CustomEvent));
    const lowest = [...p.engine!.levels].sort((a, b) => a.height - b.height)[0]!;
    items.find((i) => i.textContent?.includes(lowest.label) && i.getAttribute('aria-disabled') !== 'true')?.click();
    await waitUntil(() => p.engine!.autoLevel === false, 'manual level');
  });

  it('turns "skip intros automatically" on from its menu, saved in the profile\'s settings', async () => {
    const p = await mount();
    await p.play();
    await ready(p);
    button(p, 'Quality')!.click();
    await p.updateComplete;
    const toggle = () => $(p, '.menu [data-switch="skip_intros"]')!;
    const before = toggle().getAttribute('aria-checked') === 'true';
    toggle().click();
    await p.updateComplete;
    expect(toggle().getAttribute('aria-checked')).to.equal(before ? 'false' : 'true');
    expect($(p, '.menu [data-switch="autoplay_next_episode"]'), 'a series offers autoplay').to.exist;
    const profileId = provider.session!.profileId!;
    await waitUntil(
      async () => {
        const saved = await provider.session!.client.call(settingsProfile, { params: { profile_id: profileId } });
        return saved.playback.skip_intros === !before;
      },
      'saved on the server',
      { timeout: 8000 },
    );
    // Put it back for the other tests.
    toggle().click();
    await waitUntil(
      async () =>
        (await provider.session!.client.call(settingsProfile, { params: { profile_id: profileId } })).playback
          .skip_intros === before,
      'restored',
      { timeout: 8000 },
    );
  });

  it('shows Skip Recap / Intro through the marker, and S skips past its end', async () => {
    const p = await mount(2);
    await p.play();
    await ready(p);
    const intro = p.engine!.session.markers.find((m) => m.kind === 'intro')!;
    p.pause();
    p.seek(intro.start + 0.1);
    await waitUntil(() => $(p, 'button.skip')?.textContent?.includes('Skip Intro'), 'Skip Intro shows', {
      timeout: 5000,
    });
    p.stage()!.focus();
    await key(p, 's');
    await waitUntil(() => p.video.currentTime >= intro.end - 0.05, 'the position jumps past the intro');
    await p.updateComplete;
    expect($(p, 'button.skip')).to.equal(null);
  });

  it('shows the next-episode card at the credits, with a countdown, and cancels it', async () => {
    const p = await mount(1);
    await p.play();
    await ready(p);
    const s = p.engine!.session;
    expect(s.next_episode?.episode.id).to.equal(show.episodes[1]!.id);
    const credits = s.markers.find((m) => m.kind === 'credits')!;
    p.pause();
    p.seek(credits.start + 0.1);
    await waitUntil(() => $(p, '[part="next"]') !== null, 'the next-episode card shows', { timeout: 5000 });
    expect($(p, '[part="next"] h3')?.textContent).to.contain(s.next_episode!.episode.name);
    await waitUntil(() => /Next episode in \d+/.test($(p, '.nlabel')?.textContent ?? ''), 'the countdown runs', {
      timeout: 3000,
    });
    button(p, /^\s*Cancel\s*$/)!.click();
    await p.updateComplete;
    expect($(p, '[part="next"]')).to.equal(null);
  });

  it('switches to the next episode with a new session when the card is taken', async () => {
    const p = await mount(1);
    await p.play();
    await ready(p);
    const first = p.engine!.session.session_id;
    const credits = p.engine!.session.markers.find((m) => m.kind === 'credits')!;
    p.seek(credits.start + 0.1);
    await waitUntil(() => button(p, /Play now/) !== undefined, 'the card shows', { timeout: 5000 });
    button(p, /Play now/)!.click();
    await waitUntil(() => p.episodeId === show.episodes[1]!.id, 'episode-id changes');
    await ready(p);
    expect(p.engine!.session.session_id).to.not.equal(first);
    expect(p.engine!.session.episode?.id).to.equal(show.episodes[1]!.id);
  });

  it('asks "Are you still watching?" instead of advancing after episodes without input', async () => {
    const p = await mount(1);
    await p.play();
    await ready(p);
    const after = p.engine!.session.preferences.still_watching_after;
    (p.ui as { auto: number; input: number; advancedAt: number }).auto = after - 1;
    (p.ui as { input: number }).input = 0;
    (p.ui as { advancedAt: number }).advancedAt = Date.now();
    (p.ui as { nextUntil: number }).nextUntil = Date.now() - 1;
    p.seek(p.engine!.session.markers.find((m) => m.kind === 'credits')!.start + 0.1);
    await waitUntil(() => $(p, '.still') !== null, 'the prompt shows', { timeout: 5000 });
    expect(p.episodeId).to.equal(show.episodes[0]!.id);
    expect(button(p, /Continue watching/)).to.exist;
  });

  it('turns shortcuts off per key (disable-shortcuts="m k")', async () => {
    const p = await mount(1, 'm k');
    expect(p.disabledShortcuts).to.deep.equal(['m', 'k']);
    await p.play();
    await ready(p);
    p.stage()!.focus();
    p.video.muted = false;
    await key(p, 'm');
    expect(p.video.muted).to.equal(false);
    await key(p, 'k');
    expect(p.video.paused).to.equal(false);
    await key(p, 'ArrowLeft');
    expect(p.video.currentTime).to.be.lessThan(1);
  });

  it('opens the report dialog and sends a report with its category and text', async () => {
    const p = await mount();
    await p.play();
    await ready(p);
    button(p, 'Report a problem')!.click();
    await waitUntil(() => $(p, 'dialog[open]') !== null, 'the dialog opens');
    ($(p, 'input[value="audio"]') as HTMLInputElement).click();
    const text = $(p, 'textarea') as HTMLTextAreaElement;
    text.value = 'A hum in the background';
    text.dispatchEvent(new Event('input'));
    ($(p, 'dialog form button:not([type])') as HTMLButtonElement).click();
    await waitUntil(() => $(p, 'dialog [role="status"]') !== null, 'the report is sent', { timeout: 10000 });
  });

  it('shows stats for nerds from the engine', async () => {
    const p = await mount();
    await p.play();
    await ready(p);
    p.chrome!.open(p, 'stats');
    await waitUntil(() => $(p, '.stats') !== null, 'the overlay shows');
    expect($(p, '.stats')!.textContent).to.contain(p.engine!.session.session_id);
  });

  it('is themed dark with the tokens and its parts', async () => {
    const p = await themedFixture<ReelPlayer>(html`<reel-player title-id=${show.titleId}></reel-player>`);
    expect(getComputedStyle(p).colorScheme).to.equal('dark');
    expect($(p, '[part="play-button"]')).to.exist;
  });
});
