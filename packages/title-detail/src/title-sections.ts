import { msg, str } from '@lit/localize';
import type { Credit, Episode, MarkerKind, Title } from '@reel/contracts';
import { formatDate, formatDuration, formatList, formatNumber, getLocale, plural } from '@reel/core';
import { icon, mediaUrl, watchHref } from '@reel/title-card';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * The sections of the title page below the hero, as templates: episodes, cast and crew,
 * production details, maturity (certification with its meaning, advisories) and availability.
 */

const displayNames = (type: 'region' | 'language') => {
  try {
    return new Intl.DisplayNames([getLocale()], { type });
  } catch {
    return null;
  }
};
/** A region's name in the active locale (`US` → "United States"). */
export const regionName = (code: string): string => displayNames('region')?.of(code) ?? code;
/** A language's name in the active locale (`pt-BR` → "Brazilian Portuguese"). */
export const languageName = (code: string): string => displayNames('language')?.of(code) ?? code;

const markerLabel = (kind: MarkerKind): string => {
  switch (kind) {
    case 'intro':
      return msg('Intro', { id: 'detail.marker.intro' });
    case 'recap':
      return msg('Recap', { id: 'detail.marker.recap' });
    case 'credits':
      return msg('Credits', { id: 'detail.marker.credits' });
    default:
      return msg('Preview', { id: 'detail.marker.preview' });
  }
};

/** "S1:E3" in the active locale's words. */
export const episodeCode = (e: Pick<Episode, 'season_number' | 'number'>): string =>
  msg(str`S${e.season_number}:E${e.number}`, { id: 'detail.episode.code' });

/** One season's episodes, each with its progress, filler kind and the markers it has. */
export function renderEpisodes(
  episodes: Episode[],
  options: { apiBase: string | null; titleName: string },
): TemplateResult {
  return html`<ol class="episodes" role="list">
    ${episodes.map((e) => {
      const fraction = e.progress ? e.progress.fraction : 0;
      const done = e.progress?.completed === true;
      const percent = Math.round(fraction * 100);
      return html`<li class="episode" data-episode=${e.id}>
        <a class="episode__link" href=${watchHref(e.title_id, { episode: e.id })} data-action="play-episode">
          <span class="episode__number" aria-hidden="true">${e.number}</span>
          <span class="episode__still">
            <img src=${mediaUrl(e.still, options.apiBase)} alt="" width="320" height="180" loading="lazy" decoding="async" />
            <span class="episode__play" aria-hidden="true">${icon('play')}</span>
            ${
              fraction > 0
                ? html`<progress class="episode__progress" max="100" value=${done ? 100 : percent} aria-hidden="true"></progress>`
                : nothing
            }
          </span>
          <span class="episode__text">
            <span class="episode__title">
              <span class="reel-visually-hidden">${episodeCode(e)}</span>
              <span>${e.name}</span>
              <span class="episode__runtime">${formatDuration(e.runtime_seconds, 'narrow')}</span>
            </span>
            <span class="episode__synopsis">${e.synopsis}</span>
            <span class="episode__tags">
              ${
                done
                  ? html`<span class="tag tag--done">${icon('check')}${msg('Watched', { id: 'detail.episode.watched' })}</span>`
                  : fraction > 0
                    ? html`<span class="tag tag--progress"
                        >${msg(
                          str`${formatDuration(Math.max(0, (e.progress?.duration ?? 0) - (e.progress?.position ?? 0)), 'narrow')} left`,
                          { id: 'detail.episode.left' },
                        )}</span
                      >`
                    : nothing
              }
              ${
                e.filler && e.filler !== 'canon'
                  ? html`<span class="tag tag--filler"
                      >${e.filler === 'filler' ? msg('Filler', { id: 'detail.filler' }) : msg('Mixed canon', { id: 'detail.mixed' })}</span
                    >`
                  : nothing
              }
              ${
                e.markers.length
                  ? html`<span class="tag tag--markers" title=${msg('Parts you can skip', { id: 'detail.markers.title' })}
                      >${icon('skip-next')}<span class="reel-visually-hidden">${msg('Skippable:', { id: 'detail.markers' })}</span>
                      ${formatList(e.markers.map(markerLabel), { type: 'conjunction', style: 'narrow' })}</span
                    >`
                  : nothing
              }
              ${e.air_date ? html`<span class="tag tag--date">${formatDate(e.air_date, { dateStyle: 'medium' })}</span>` : nothing}
            </span>
          </span>
        </a>
      </li>`;
    })}
  </ol>`;
}

const roleLabel = (role: Credit['role'], count: number): string => {
  switch (role) {
    case 'director':
      return count > 1
        ? msg('Directors', { id: 'detail.role.directors' })
        : msg('Director', { id: 'detail.role.director' });
    case 'writer':
      return count > 1 ? msg('Writers', { id: 'detail.role.writers' }) : msg('Writer', { id: 'detail.role.writer' });
    case 'creator':
      return count > 1
        ? msg('Creators', { id: 'detail.role.creators' })
        : msg('Creator', { id: 'detail.role.creator' });
    case 'producer':
      return count > 1
        ? msg('Producers', { id: 'detail.role.producers' })
        : msg('Producer', { id: 'detail.role.producer' });
    case 'composer':
      return msg('Music', { id: 'detail.role.composer' });
    default:
      return msg('Cast', { id: 'detail.role.cast' });
  }
};

export const personHref = (id: string): string => `/person/${encodeURIComponent(id)}`;

/** A person's card: portrait, name, and the character or job. */
function personCard(credit: Credit, apiBase: string | null): TemplateResult {
  return html`<li class="person">
    <a class="person__link" href=${personHref(credit.person.id)}>
      <span class="person__photo">
        ${
          credit.person.photo
            ? html`<img src=${mediaUrl(credit.person.photo, apiBase)} alt="" width="160" height="200" loading="lazy" decoding="async" />`
            : html`<span class="person__initial" aria-hidden="true">${credit.person.name.slice(0, 1)}</span>`
        }
      </span>
      <span class="person__name">${credit.person.name}</span>
      <span class="person__role">${credit.character ?? roleLabel(credit.role, 1)}</span>
    </a>
  </li>`;
}

/** Cast (first `limit`, the rest behind "show all") and crew grouped by job. */
export function renderCredits(
  credits: { cast: Credit[]; crew: Credit[] },
  options: { apiBase: string | null; showAll: boolean; onShowAll: () => void },
): TemplateResult {
  const limit = 12;
  const cast = options.showAll ? credits.cast : credits.cast.slice(0, limit);
  const groups = new Map<Credit['role'], Credit[]>();
  for (const c of credits.crew) groups.set(c.role, [...(groups.get(c.role) ?? []), c]);
  return html`${
    cast.length
      ? html`<ul class="people" role="list">${cast.map((c) => personCard(c, options.apiBase))}</ul>
          ${
            credits.cast.length > limit && !options.showAll
              ? html`<reel-button class="show-all" variant="secondary" @click=${options.onShowAll}
                  >${msg(str`Show all ${credits.cast.length} cast members`, { id: 'detail.cast.all' })}</reel-button
                >`
              : nothing
          }`
      : nothing
  }
    ${
      groups.size
        ? html`<dl class="facts crew">
            ${[...groups].map(
              ([role, people]) => html`<div>
                <dt>${roleLabel(role, people.length)}</dt>
                <dd>
                  ${people.map(
                    (p, i) =>
                      html`${i > 0 ? ', ' : ''}<a class="text-link" href=${personHref(p.person.id)}>${p.person.name}</a>`,
                  )}
                </dd>
              </div>`,
            )}
          </dl>`
        : nothing
    }`;
}

const statusLabel = (status: Title['status']): string => {
  switch (status) {
    case 'upcoming':
      return msg('Coming soon', { id: 'detail.status.upcoming' });
    case 'ended':
      return msg('Ended', { id: 'detail.status.ended' });
    case 'ongoing':
      return msg('New episodes airing', { id: 'detail.status.ongoing' });
    default:
      return msg('Released', { id: 'detail.status.released' });
  }
};

/** Production details: language, release, status, studios, networks, countries, audio, subtitles. */
export function renderDetails(title: Title): TemplateResult {
  const fact = (label: string, value: unknown) =>
    value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
  return html`<dl class="facts">
    ${fact(msg('Original language', { id: 'detail.fact.language' }), languageName(title.original_language))}
    ${fact(
      msg('Release date', { id: 'detail.fact.release' }),
      title.release_date ? formatDate(title.release_date, { dateStyle: 'long', timeZone: 'UTC' }) : null,
    )}
    ${fact(msg('Status', { id: 'detail.fact.status' }), statusLabel(title.status))}
    ${fact(
      title.seasons_count !== null
        ? msg('Seasons', { id: 'detail.fact.seasons' })
        : msg('Runtime', { id: 'detail.fact.runtime' }),
      title.seasons_count !== null
        ? formatNumber(title.seasons_count)
        : title.runtime_minutes
          ? formatDuration(title.runtime_minutes * 60, 'long')
          : null,
    )}
    ${fact(msg('Studios', { id: 'detail.fact.studios' }), title.studios.length ? formatList(title.studios) : null)}
    ${fact(msg('Networks', { id: 'detail.fact.networks' }), title.networks.length ? formatList(title.networks) : null)}
    ${fact(
      msg('Countries', { id: 'detail.fact.countries' }),
      title.countries.length ? formatList(title.countries.map(regionName)) : null,
    )}
    ${fact(
      msg('Audio', { id: 'detail.fact.audio' }),
      title.audio_languages.length
        ? formatList(
            title.audio_languages.map((a) =>
              a.is_default ? msg(str`${a.name} (original)`, { id: 'detail.fact.audio.original' }) : a.name,
            ),
          )
        : null,
    )}
    ${fact(
      msg('Subtitles', { id: 'detail.fact.subtitles' }),
      title.subtitle_languages.length ? formatList(title.subtitle_languages.map((s) => s.name)) : null,
    )}
  </dl>`;
}

/**
 * The certification in the viewer's region with what it means, the content advisories, and the
 * ratings in other regions.
 */
export function renderMaturity(title: Title): TemplateResult {
  const mine = title.certifications.find((c) => c.rating === title.certification) ?? title.certifications[0] ?? null;
  const others = title.certifications.filter((c) => c !== mine);
  return html`<div class="maturity">
    ${
      mine
        ? html`<div class="maturity__main">
            <span class="rating-box" aria-hidden="true">${mine.rating}</span>
            <div>
              <p class="maturity__title">
                ${msg(str`Rated ${mine.rating}`, { id: 'detail.rated' })}
                <span class="muted">· ${mine.system}</span>
              </p>
              <p class="maturity__meaning">${mine.meaning}</p>
              ${
                mine.min_age > 0
                  ? html`<p class="muted">${msg(str`Suitable from age ${mine.min_age}`, { id: 'detail.min-age' })}</p>`
                  : html`<p class="muted">${msg('Suitable for all ages', { id: 'detail.all-ages' })}</p>`
              }
            </div>
          </div>`
        : html`<p class="muted">${msg('Not yet rated', { id: 'detail.unrated' })}</p>`
    }
    ${
      title.advisories.length
        ? html`<div class="maturity__advisories">
            <h3>${msg('Content advisories', { id: 'detail.advisories' })}</h3>
            <ul class="chips" role="list">
              ${title.advisories.map((a) => html`<li class="chip">${a}</li>`)}
            </ul>
          </div>`
        : nothing
    }
    ${
      others.length
        ? html`<details class="maturity__others">
            <summary>${msg(str`Ratings in ${others.length} other regions`, { id: 'detail.ratings.others' })}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">${msg('Region', { id: 'detail.region' })}</th>
                  <th scope="col">${msg('Rating', { id: 'detail.rating' })}</th>
                  <th scope="col">${msg('Meaning', { id: 'detail.meaning' })}</th>
                </tr>
              </thead>
              <tbody>
                ${others.map(
                  (c) => html`<tr>
                    <th scope="row">${regionName(c.region)}</th>
                    <td><span class="rating-box rating-box--small">${c.rating}</span> <span class="muted">${c.system}</span></td>
                    <td>${c.meaning}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </details>`
        : nothing
    }
  </div>`;
}

/** Where the title can be watched, region by region, with its window. */
export function renderAvailability(title: Title, now = Date.now()): TemplateResult {
  const rows = [...title.availability].sort((a, b) =>
    regionName(a.region).localeCompare(regionName(b.region), getLocale()),
  );
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium' });
  return html`<table class="availability">
    <thead>
      <tr>
        <th scope="col">${msg('Region', { id: 'detail.region' })}</th>
        <th scope="col">${msg('Availability', { id: 'detail.availability.col' })}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map((a) => {
        const from = a.available_from ? Date.parse(a.available_from) : null;
        const until = a.available_until ? Date.parse(a.available_until) : null;
        let status: TemplateResult;
        if (from !== null && from > now) {
          status = html`<span class="status status--soon">${msg(str`From ${when(a.available_from as string)}`, { id: 'detail.avail.from' })}</span>`;
        } else if (until !== null && until < now) {
          status = html`<span class="status status--gone">${msg('No longer available', { id: 'detail.avail.gone' })}</span>`;
        } else if (until !== null) {
          status = html`<span class="status status--now">${msg(str`Available until ${when(a.available_until as string)}`, { id: 'detail.avail.until' })}</span>`;
        } else {
          status = html`<span class="status status--now">${msg('Available now', { id: 'detail.avail.now' })}</span>`;
        }
        return html`<tr>
          <th scope="row">${regionName(a.region)}</th>
          <td>${status}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** Five stars for an average rating, with the count of reviews. */
export function renderRating(average: number | null, count: number): TemplateResult | typeof nothing {
  if (average === null) return nothing;
  const stars = Array.from({ length: 5 }, (_, i) => {
    const fill = average - i;
    return fill >= 0.75 ? 'star-filled' : fill >= 0.25 ? 'star-half' : 'star';
  });
  return html`<p class="rating">
    <span class="rating__stars" aria-hidden="true">${stars.map((name) => icon(name, 'icon star'))}</span>
    <span class="rating__value">${formatNumber(average, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}</span>
    <span class="rating__count"
      >${plural(count, {
        one: msg('1 rating', { id: 'detail.ratings.one' }),
        other: msg(str`${formatNumber(count, { notation: 'compact' })} ratings`, { id: 'detail.ratings.other' }),
      })}</span
    >
    <span class="reel-visually-hidden"
      >${msg(str`Average rating ${formatNumber(average, { maximumFractionDigits: 1 })} out of 5`, { id: 'detail.rating.sr' })}</span
    >
  </p>`;
}
