// The @reel/ui gallery: every primitive on one page (`node demo/screenshot.mjs` renders it).
// Query parameters: ?theme=light|dark, ?locale=en|es|ar, ?open=select|menu|dialog|confirm.
import { applyTheme, bindDocumentLocale, setLocale, type ThemeMode } from '@reel/core';
import { html, render } from 'lit';
import '../src/define.js';
import { iconNames } from '../src/icons.js';
import type { ReelConfirmDialog } from '../src/reel-confirm-dialog.js';
import type { ReelDialog } from '../src/reel-dialog.js';
import type { ReelMenu } from '../src/reel-menu.js';
import type { ReelSelect } from '../src/reel-select.js';
import { toast } from '../src/reel-toast-region.js';

const params = new URLSearchParams(location.search);
applyTheme((params.get('theme') as ThemeMode | null) ?? 'dark');
bindDocumentLocale();
await setLocale(params.get('locale') ?? 'en');

const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const genres = [
  { value: 'all', label: 'All genres' },
  { value: 'drama', label: 'Drama', description: '1,204 titles' },
  { value: 'anime', label: 'Anime', description: '842 titles' },
  { value: 'comedy', label: 'Comedy', description: '977 titles' },
  { value: 'docs', label: 'Documentaries', disabled: true },
  { value: 'horror', label: 'Horror', description: '315 titles' },
];

const page = html`
  <header class="page">
    <div>
      <h1 class="page-title"><span class="brand">Reel</span> UI primitives</h1>
      <p class="page-lede">Accessible building blocks for every Reel element — themed with <code>--reel-*</code> tokens.</p>
    </div>
    <div class="row">
      <reel-badge variant="outline">v0.1</reel-badge>
      <reel-menu label="Theme" variant="outline" size="sm" placement="end" id="theme-menu">
        <reel-menu-item value="dark"><reel-icon slot="start" name="eye"></reel-icon>Dark</reel-menu-item>
        <reel-menu-item value="light"><reel-icon slot="start" name="eye-off"></reel-icon>Light</reel-menu-item>
        <reel-menu-item value="system"><reel-icon slot="start" name="laptop"></reel-icon>Follow system</reel-menu-item>
      </reel-menu>
    </div>
  </header>

  <div class="grid">
    <!-- Over artwork the hero stays dark whatever the page theme: a themed subtree. -->
    <section class="hero" aria-label="Featured" data-reel-theme="dark">
      <div class="eyebrow">
        <reel-badge variant="accent">New season</reel-badge><reel-badge variant="outline">4K</reel-badge
        ><reel-badge variant="outline">HDR</reel-badge>
      </div>
      <h3>The Long Night</h3>
      <div class="meta"><strong>98% match</strong><span>2025</span><reel-badge variant="outline">TV-MA</reel-badge><span>3 seasons</span></div>
      <p>When the last lighthouse on the coast goes dark, a keeper's daughter follows the signal no one else can hear.</p>
      <div class="actions">
        <reel-button variant="inverse" size="lg"><reel-icon slot="start" name="play"></reel-icon>Play</reel-button>
        <reel-button variant="secondary" size="lg"><reel-icon slot="start" name="info"></reel-icon>More info</reel-button>
        <reel-icon-button variant="overlay" size="lg" name="plus" label="Add to My List"></reel-icon-button>
        <reel-icon-button variant="overlay" size="lg" name="thumbs-up" label="I like this" toggle pressed></reel-icon-button>
      </div>
      <div class="controls">
        <reel-icon-button variant="overlay" name="volume-off" label="Unmute"></reel-icon-button>
      </div>
    </section>

    <section class="card">
      <h2>Buttons</h2>
      <div class="row">
        <reel-button variant="primary">Start membership</reel-button>
        <reel-button>Secondary</reel-button>
        <reel-button variant="outline">Outline</reel-button>
        <reel-button variant="ghost">Ghost</reel-button>
        <reel-button variant="danger"><reel-icon slot="start" name="trash"></reel-icon>Delete</reel-button>
      </div>
      <div class="row">
        <reel-button variant="primary" size="sm">Small</reel-button>
        <reel-button size="sm"><reel-icon slot="start" name="download"></reel-icon>Download</reel-button>
        <reel-button variant="primary" loading>Saving</reel-button>
        <reel-button disabled>Disabled</reel-button>
        <reel-button variant="ghost" href="#">Link<reel-icon slot="end" name="chevron-right"></reel-icon></reel-button>
      </div>
      <div class="row">
        <reel-icon-button name="play" label="Play" variant="secondary"></reel-icon-button>
        <reel-icon-button name="pause" label="Pause"></reel-icon-button>
        <reel-icon-button name="rotate-ccw" label="Back 10 seconds"></reel-icon-button>
        <reel-icon-button name="rotate-cw" label="Forward 10 seconds"></reel-icon-button>
        <reel-icon-button name="volume" label="Mute"></reel-icon-button>
        <reel-icon-button name="subtitles" label="Subtitles" toggle pressed></reel-icon-button>
        <reel-icon-button name="pip" label="Picture in picture"></reel-icon-button>
        <reel-icon-button name="fullscreen" label="Full screen"></reel-icon-button>
        <reel-icon-button name="settings" label="Settings"></reel-icon-button>
        <reel-menu icon="more" label="More actions" variant="ghost" id="row-menu" placement="end">
          <reel-menu-item value="play"><reel-icon slot="start" name="play"></reel-icon>Play from start</reel-menu-item>
          <reel-menu-item value="list"><reel-icon slot="start" name="plus"></reel-icon>Add to My List<span slot="end">L</span></reel-menu-item>
          <reel-menu-item value="share"><reel-icon slot="start" name="share"></reel-icon>Share</reel-menu-item>
          <reel-menu-item value="download" disabled><reel-icon slot="start" name="download"></reel-icon>Download</reel-menu-item>
          <reel-menu-item value="remove" variant="danger"><reel-icon slot="start" name="trash"></reel-icon>Remove from row</reel-menu-item>
        </reel-menu>
      </div>
      <div class="player" aria-label="Player controls" role="group" data-reel-theme="dark">
        <reel-progress-bar class="scrubber" value="38" label="Playback position" value-text="17:04 of 44:51"></reel-progress-bar>
        <div class="player-row">
          <reel-icon-button variant="ghost" name="pause" label="Pause" tooltip="none"></reel-icon-button>
          <reel-icon-button variant="ghost" name="rotate-ccw" label="Back 10 seconds" tooltip="none"></reel-icon-button>
          <reel-icon-button variant="ghost" name="rotate-cw" label="Forward 10 seconds" tooltip="none"></reel-icon-button>
          <reel-icon-button variant="ghost" name="volume" label="Mute" tooltip="none"></reel-icon-button>
          <span class="player-title"><strong>The Long Night</strong> S2:E4 “Signal”</span>
          <reel-icon-button variant="ghost" name="skip-next" label="Next episode" tooltip="none"></reel-icon-button>
          <reel-icon-button variant="ghost" name="subtitles" label="Subtitles" toggle pressed tooltip="none"></reel-icon-button>
          <reel-icon-button variant="ghost" name="fullscreen" label="Full screen" tooltip="none"></reel-icon-button>
        </div>
      </div>
    </section>

    <section class="card">
      <h2>Form controls</h2>
      <div class="cols">
        <reel-text-field label="Email" type="email" value="ana@example.com" help-text="We'll send the receipt here."></reel-text-field>
        <reel-text-field label="Profile name" value="Kids!!" error="Use letters, numbers and spaces only." maxlength="20"></reel-text-field>
        <reel-text-field label="Password" type="password" value="correct horse" revealable></reel-text-field>
        <reel-select id="genre" label="Genre" .options=${genres} value="anime" help-text="Filters the catalog."></reel-select>
        <reel-text-field label="Search" type="search" placeholder="Titles, people, genres">
          <reel-icon slot="start" name="search"></reel-icon>
        </reel-text-field>
        <reel-select label="Audio" placeholder="Choose a language">
          <option value="en">English</option>
          <option value="es">Español</option>
          <option value="ja">日本語</option>
        </reel-select>
      </div>
      <div class="row">
        <reel-checkbox checked>Autoplay next episode</reel-checkbox>
        <reel-checkbox indeterminate>All profiles</reel-checkbox>
        <reel-checkbox>Previews</reel-checkbox>
      </div>
      <div class="row">
        <reel-switch checked>Data saver</reel-switch>
        <reel-switch>Email notifications</reel-switch>
      </div>
    </section>

    <section class="card third">
      <h2>Badges &amp; toasts</h2>
      <div class="row">
        <reel-badge variant="accent">New</reel-badge>
        <reel-badge variant="outline">4K</reel-badge>
        <reel-badge variant="outline">HD</reel-badge>
        <reel-badge variant="danger" pill dot>Live</reel-badge>
        <reel-badge variant="success" pill>Available</reel-badge>
        <reel-badge variant="warning" pill>Leaving soon</reel-badge>
        <reel-badge variant="info" pill>Premium</reel-badge>
        <reel-badge>TV-14</reel-badge>
      </div>
      <div class="toasts">
        <reel-toast duration="0" variant="success" message="Added to My List" action-label="Undo"></reel-toast>
        <reel-toast duration="0" variant="error" message="Couldn’t save your rating."></reel-toast>
      </div>
    </section>

    <section class="card two-thirds">
      <h2>Progress &amp; loading</h2>
      <div class="posters">
        <div class="poster">
          <div class="art a"><reel-progress-bar size="sm" value="72" label="The Long Night, 72% watched"></reel-progress-bar></div>
          <span>S2 · E4 “Signal”</span>
        </div>
        <div class="poster">
          <div class="art b"><reel-progress-bar size="sm" value="30" label="Orbit, 30% watched"></reel-progress-bar></div>
          <span>Orbit · 1h 12m left</span>
        </div>
        <div class="poster">
          <reel-skeleton shape="rect"></reel-skeleton>
          <reel-skeleton lines="1"></reel-skeleton>
        </div>
        <div class="poster">
          <reel-skeleton shape="rect"></reel-skeleton>
          <reel-skeleton lines="1"></reel-skeleton>
        </div>
      </div>
      <div class="row">
        <reel-progress-bar class="grow" show-label value="64" label="Uploading episode 3"></reel-progress-bar>
      </div>
      <div class="row">
        <reel-spinner size="sm"></reel-spinner><reel-spinner></reel-spinner><reel-spinner size="lg"></reel-spinner>
        <reel-progress-bar class="grow" indeterminate label="Transcoding"></reel-progress-bar>
      </div>
    </section>

    <section class="card">
      <h2>Tabs</h2>
      <reel-tabs label="Title details">
        <reel-tab slot="nav" panel="episodes">Episodes</reel-tab>
        <reel-tab slot="nav" panel="more">More like this</reel-tab>
        <reel-tab slot="nav" panel="details">Details</reel-tab>
        <reel-tab slot="nav" panel="trailers" disabled>Trailers</reel-tab>
        <reel-tab-panel name="episodes"><p class="muted">Season 2 · 8 episodes. The keeper's daughter returns to the island.</p></reel-tab-panel>
        <reel-tab-panel name="more"><p class="muted">Titles like this one.</p></reel-tab-panel>
        <reel-tab-panel name="details"><p class="muted">Cast, crew and audio.</p></reel-tab-panel>
      </reel-tabs>
      <div class="row">
        <reel-tabs label="Seasons" appearance="pills">
          <reel-tab slot="nav" panel="s1">Season 1</reel-tab>
          <reel-tab slot="nav" panel="s2">Season 2</reel-tab>
          <reel-tab slot="nav" panel="s3">Season 3</reel-tab>
          <reel-tab-panel name="s1"></reel-tab-panel>
          <reel-tab-panel name="s2"></reel-tab-panel>
          <reel-tab-panel name="s3"></reel-tab-panel>
        </reel-tabs>
      </div>
    </section>

    <section class="card">
      <h2>Dialogs</h2>
      <p class="muted">Native &lt;dialog&gt; with showModal(): inert page, Escape, focus returns. Destructive actions ask to type a word.</p>
      <div class="row">
        <reel-button id="open-dialog"><reel-icon slot="start" name="edit"></reel-icon>Edit profile</reel-button>
        <reel-button id="open-confirm" variant="danger"><reel-icon slot="start" name="trash"></reel-icon>Delete profile</reel-button>
        <reel-button id="show-toast" variant="ghost"><reel-icon slot="start" name="bell"></reel-icon>Show a toast</reel-button>
      </div>
      <reel-dialog id="dialog" label="Edit profile">
        <div class="stack">
          <reel-text-field label="Name" value="Ana"></reel-text-field>
          <reel-select label="Maturity rating" .options=${[
            { value: 'all', label: 'All ages' },
            { value: '13', label: '13+' },
            { value: '18', label: '18+' },
          ]} value="13"></reel-select>
          <reel-switch checked>Autoplay previews</reel-switch>
        </div>
        <reel-button slot="footer" id="dialog-cancel">Cancel</reel-button>
        <reel-button slot="footer" variant="primary">Save</reel-button>
      </reel-dialog>
      <reel-confirm-dialog id="confirm" heading="Delete the “Kids” profile?" confirm-text="Kids" confirm-label="Delete profile" danger>
        Its watch history, My List and ratings will be deleted. This can't be undone.
      </reel-confirm-dialog>
    </section>

    <section class="card">
      <h2>Plays this week</h2>
      <reel-chart
        type="bar"
        label="Plays per day, this week and last"
        .labels=${days}
        .series=${[
          { name: 'This week', values: [1240, 1580, 1320, 1710, 2480, 3120, 2890] },
          { name: 'Last week', values: [1100, 1390, 1270, 1500, 2210, 2650, 2500] },
        ]}
        .format=${{ notation: 'compact' }}
      ></reel-chart>
    </section>

    <section class="card">
      <h2>Concurrent streams</h2>
      <reel-chart
        type="line"
        label="Concurrent streams over the day"
        .labels=${['00', '03', '06', '09', '12', '15', '18', '21', '24']}
        .series=${[{ name: 'Streams', values: [820, 410, 260, 540, 1180, 1460, 2310, 3020, 1650] }]}
        .format=${{ notation: 'compact' }}
      ></reel-chart>
    </section>

    <section class="card third">
      <h2>Empty state</h2>
      <reel-empty-state heading="Your list is empty" icon="bookmark">
        Add films and series to watch them later.
        <reel-button slot="actions" variant="primary" size="sm">Browse films</reel-button>
      </reel-empty-state>
    </section>

    <section class="card third">
      <h2>Error panel</h2>
      <reel-error-panel message="We couldn't load your recommendations." .error=${new Error('503 Service Unavailable (request 7f3a…)')}></reel-error-panel>
    </section>

    <section class="card third">
      <h2>Form field (native control)</h2>
      <div class="stack">
        <reel-form-field label="Review" help-text="Plain text, up to 2,000 characters.">
          <textarea rows="3">A slow burn with a great ending.</textarea>
        </reel-form-field>
        <reel-form-field label="Notify me about" group>
          <reel-checkbox checked>New episodes</reel-checkbox>
          <reel-checkbox>Recommendations</reel-checkbox>
        </reel-form-field>
      </div>
    </section>

    <section class="card wide">
      <h2>Icons</h2>
      <div class="icons">
        ${iconNames().map((name) => html`<div class="icon-cell"><reel-icon name=${name}></reel-icon><span>${name}</span></div>`)}
      </div>
    </section>
  </div>
  <reel-toast-region></reel-toast-region>
`;

render(page, document.querySelector('#app') as HTMLElement);

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
byId('open-dialog').addEventListener('click', () => byId<ReelDialog>('dialog').show());
byId('dialog-cancel').addEventListener('click', () => byId<ReelDialog>('dialog').close());
byId('open-confirm').addEventListener('click', () => void byId<ReelConfirmDialog>('confirm').ask());
byId('show-toast').addEventListener('click', () => toast({ message: 'Removed from My List', actionLabel: 'Undo' }));
byId('theme-menu').addEventListener('reel-select', (e) => applyTheme(e.detail.value as ThemeMode));

await customElements.whenDefined('reel-select');
await new Promise((r) => setTimeout(r, 50));
switch (params.get('open')) {
  case 'select':
    byId<ReelSelect>('genre').shadowRoot?.querySelector<HTMLElement>('[role="combobox"]')?.click();
    break;
  case 'menu':
    byId<ReelMenu>('row-menu').show();
    break;
  case 'theme-menu':
    byId<ReelMenu>('theme-menu').show();
    break;
  case 'dialog':
    byId<ReelDialog>('dialog').show();
    break;
  case 'confirm':
    void byId<ReelConfirmDialog>('confirm').ask();
    break;
  case 'toast':
    toast({ message: 'Removed from My List', actionLabel: 'Undo', duration: 0 });
    toast({ message: 'Couldn’t save your rating. Check your connection.', variant: 'error', duration: 0 });
    break;
}
document.documentElement.dataset.ready = 'true';
