import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { catalogPerson, type Person } from '@reel/contracts';
import { formatDate, formatNumber, plural, ReelElement, SessionConsumer, styleProps } from '@reel/core';
import { mediaUrl, ScrollRestore, titleHref } from '@reel/title-card';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { notFoundAsNull } from './not-found.js';
import { styles } from './reel-person-detail.styles.js';

type Role = Person['filmography'][number]['role'];

const roleHeading = (role: Role): string => {
  switch (role) {
    case 'director':
      return msg('Directing', { id: 'person.role.director' });
    case 'writer':
      return msg('Writing', { id: 'person.role.writer' });
    case 'creator':
      return msg('Created', { id: 'person.role.creator' });
    case 'producer':
      return msg('Producing', { id: 'person.role.producer' });
    case 'composer':
      return msg('Music', { id: 'person.role.composer' });
    default:
      return msg('Acting', { id: 'person.role.cast' });
  }
};

const ROLE_ORDER: Role[] = ['cast', 'director', 'creator', 'writer', 'producer', 'composer'];

/** Whole years between a birth date and today. */
function age(birth: string, now = new Date()): number {
  const b = new Date(`${birth}T00:00:00Z`);
  let years = now.getUTCFullYear() - b.getUTCFullYear();
  const m = now.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < b.getUTCDate())) years--;
  return years;
}

/**
 * A person's page (route `/person/:id`): portrait, what they are known for, birth, biography, the
 * titles they are best known for as a rail, and their filmography by role and year, each title
 * linking to its page.
 *
 * @summary A person's page with their filmography.
 * @tagname reel-person-detail
 * @csspart hero - The header with the portrait.
 * @csspart filmography - The filmography tables.
 */
export class ReelPersonDetail extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /** The person to show. */
  @property({ attribute: 'person-id', reflect: true }) personId = '';

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @state() private bioOpen = false;

  private readonly api = new SessionConsumer(this);
  private readonly scrollMemory = new ScrollRestore(this);

  private readonly person = new Task(this, {
    task: async ([id, client, profileId], { signal }) => {
      void profileId;
      return id ? notFoundAsNull(client.call(catalogPerson, { params: { id }, signal })) : null;
    },
    args: () => [this.personId, this.api.client, this.api.profileId] as const,
  });

  private get mediaBase(): string | null {
    return this.apiBase ?? this.api.session?.apiBase ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('personId')) this.bioOpen = false;
  }

  protected override updated(): void {
    if (this.person.value) this.scrollMemory.restore();
  }

  protected override render() {
    return this.renderTask(this.person, {
      pending: () => html`<div class="page"><div class="skeleton-person"></div>${this.renderLoading()}</div>`,
      complete: (person) => (person ? this.renderPerson(person) : nothing),
      isEmpty: (person) => person === null && this.personId !== '',
      empty: () => html`<div class="page not-found">
        ${this.renderEmpty({
          heading: msg('We couldn’t find that person', { id: 'person.not-found' }),
          actions: html`<reel-button href="/" variant="primary">${msg('Go to Home', { id: 'person.home' })}</reel-button>`,
        })}
      </div>`,
    });
  }

  private renderPerson(person: Person) {
    const known = [...person.filmography]
      .sort((a, b) => (b.title.rating_average ?? 0) - (a.title.rating_average ?? 0) || (b.year ?? 0) - (a.year ?? 0))
      .map((f) => f.title)
      .filter((t, i, all) => all.findIndex((x) => x.id === t.id) === i);
    const backdrop = known[0];
    const roles = ROLE_ORDER.map((role) => ({
      role,
      items: person.filmography.filter((f) => f.role === role).sort((a, b) => (b.year ?? 0) - (a.year ?? 0)),
    })).filter((g) => g.items.length);
    const titles = new Set(person.filmography.map((f) => f.title.id)).size;
    const long = person.biography.length > 420;
    return html`<article class="page">
      <header class="person-hero" part="hero">
        ${
          backdrop
            ? html`<div class="person-hero__backdrop" ${styleProps({ '--_color': backdrop.artwork.color })}>
                <img src=${mediaUrl(backdrop.artwork.backdrop, this.mediaBase)} alt="" decoding="async" />
              </div>`
            : nothing
        }
        <div class="person-hero__inner">
          <div class="person-hero__photo">
            ${
              person.photo
                ? html`<img
                    .fetchPriority=${'high'}
                    src=${mediaUrl(person.photo, this.mediaBase)}
                    alt=""
                    width="320"
                    height="400"
                    decoding="async"
                  />`
                : html`<span aria-hidden="true">${person.name.slice(0, 1)}</span>`
            }
          </div>
          <div class="person-hero__text">
            <p class="eyebrow">
              <span>${person.known_for}</span>
              <span class="muted"
                >${plural(titles, {
                  one: msg('1 title', { id: 'person.titles.one' }),
                  other: msg(str`${formatNumber(titles)} titles`, { id: 'person.titles.other' }),
                })}</span
              >
            </p>
            <h1>${person.name}</h1>
            ${person.birth_date || person.birth_place ? html`<p class="born">${this.bornLine(person)}</p>` : nothing}
            ${
              person.biography
                ? html`<p class="bio ${long && !this.bioOpen ? 'bio--clamped' : ''}" id="bio">${person.biography}</p>
                    ${
                      long
                        ? html`<button
                            class="more"
                            type="button"
                            aria-expanded=${this.bioOpen ? 'true' : 'false'}
                            aria-controls="bio"
                            @click=${() => {
                              this.bioOpen = !this.bioOpen;
                            }}
                          >
                            ${this.bioOpen ? msg('Show less', { id: 'person.bio.less' }) : msg('Read more', { id: 'person.bio.more' })}
                          </button>`
                        : nothing
                    }`
                : nothing
            }
          </div>
        </div>
      </header>
      ${
        known.length
          ? html`<reel-rail heading=${msg('Known for', { id: 'person.known-for' })} .items=${known.slice(0, 20)} .apiBase=${this.apiBase}></reel-rail>`
          : nothing
      }
      <section class="section" aria-labelledby="filmography-h" part="filmography">
        <h2 id="filmography-h">${msg('Filmography', { id: 'person.filmography' })}</h2>
        ${
          roles.length
            ? roles.map(
                (group) => html`<div class="role-group">
                  <h3>${roleHeading(group.role)} <span class="muted">${formatNumber(group.items.length)}</span></h3>
                  <table class="filmography">
                    <thead>
                      <tr>
                        <th scope="col" class="col-year">${msg('Year', { id: 'person.col.year' })}</th>
                        <th scope="col">${msg('Title', { id: 'person.col.title' })}</th>
                        <th scope="col">${group.role === 'cast' ? msg('Character', { id: 'person.col.character' }) : msg('Role', { id: 'person.col.role' })}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${group.items.map(
                        (f) => html`<tr>
                          <td class="col-year">${f.year ?? '—'}</td>
                          <th scope="row">
                            <a class="film" href=${titleHref(f.title.id)}>
                              <span class="film__poster" ${styleProps({ '--_color': f.title.artwork.color })}
                                ><img src=${mediaUrl(f.title.artwork.poster, this.mediaBase)} alt="" width="40" height="60" loading="lazy" decoding="async"
                              /></span>
                              <span class="film__name">${f.title.name}</span>
                            </a>
                          </th>
                          <td class="muted">${f.character ?? roleHeading(f.role)}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`,
              )
            : this.renderEmpty({ heading: msg('No titles yet', { id: 'person.empty' }) })
        }
      </section>
    </article>`;
  }

  private bornLine(person: Person): string {
    const date = person.birth_date
      ? `${formatDate(`${person.birth_date}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })}`
      : null;
    const years = person.birth_date ? age(person.birth_date) : null;
    if (date && person.birth_place) {
      return msg(str`Born ${date} (age ${years}) in ${person.birth_place}`, { id: 'person.born.full' });
    }
    if (date) return msg(str`Born ${date} (age ${years})`, { id: 'person.born.date' });
    return msg(str`Born in ${person.birth_place ?? ''}`, { id: 'person.born.place' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-person-detail': ReelPersonDetail;
  }
}
