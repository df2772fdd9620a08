// Playback sessions: entitlement checks (plan ceiling, concurrent streams, maturity, region),
// the signed manifest and media token, resume position, markers, sprite, tracks and the ladder;
// events that keep the profile's progress; analytics, diagnostics and problem reports.

import type {
  EnhancedSession,
  EnhancedSessionRequest,
  Episode,
  Marker,
  PlaybackHints,
  PlayerDebugInfo,
  PlayerEvent,
  PlayerQuality,
  PlayerQualityChoice,
  PlayerSessionAnalytics,
  QualitySwitchRequest,
  QualitySwitchResult,
} from '@reel/contracts';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { markers, playbackIssues, playerEvents, playerSessions, profiles, progress } from '../../db/schema/index.js';
import { HttpError, notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { newId } from '../../ids.js';
import type { TitleRecord } from '../catalog.js';
import { SettingsService } from '../settings.js';
import { viewerOf } from '../viewer.js';
import { planFor, planForStreams, playbackEntitlements } from './entitlements.js';
import type { AssetRow } from './index.js';
import { MediaService } from './index.js';
import { heightOf, QUALITY_ORDER } from './ladder.js';
import type { PackagedMedia } from './types.js';

export type SessionRow = typeof playerSessions.$inferSelect;

/** The profile id of a partner session (no account, no profile: nothing personal is kept). */
export const PARTNER_PROFILE = 'partner';

/**
 * Which sessions a caller owns: an account's own; for a partner playback token, the sessions of
 * its API key for its title (a renewed token carries on the session an earlier token started).
 */
function ownedBy(principal: Principal) {
  const grant = principal.partner;
  if (!grant) return eq(playerSessions.userId, principal.userId);
  return and(
    sql`${playerSessions.userId} like ${`partner:${grant.keyId}:%`}`,
    eq(playerSessions.titleId, grant.titleId),
  ) as ReturnType<typeof eq>;
}

/** A partner token plays only its title (and episode, when bound to one). */
function assertPartnerTitle(principal: Principal, titleId: string, episodeId: string | null | undefined): void {
  const grant = principal.partner;
  if (!grant) return;
  if (grant.titleId !== titleId || (grant.episodeId && episodeId && grant.episodeId !== episodeId)) {
    throw new HttpError(403, 'playback_token_title_mismatch', 'This playback token is for another title');
  }
}

/** Send a heartbeat this often (s). */
export const HEARTBEAT_INTERVAL = 15;
/** Without any event for this long (s) a session ends and frees its slot. */
export const IDLE_TIMEOUT = 90;
/** The next-episode card counts down this long (s). */
const NEXT_COUNTDOWN = 10;

interface SessionStats {
  watch: number;
  byQuality: Record<string, number>;
  rebufferCount: number;
  rebufferTime: number;
  switches: { auto: number; manual: number };
  errors: { fatal: number; recovered: number };
  dropped: number;
  bitrateSum: number;
  bitrateTime: number;
  peakBitrate: number | null;
  startupMs: number | null;
  bandwidth: number[];
}

const emptyStats = (): SessionStats => ({
  watch: 0,
  byQuality: {},
  rebufferCount: 0,
  rebufferTime: 0,
  switches: { auto: 0, manual: 0 },
  errors: { fatal: 0, recovered: 0 },
  dropped: 0,
  bitrateSum: 0,
  bitrateTime: 0,
  peakBitrate: null,
  startupMs: null,
  bandwidth: [],
});

const iso = (d: Date | number) => new Date(d).toISOString();
const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

/** A partner session's media token lives no longer than its playback token (the host renews both). */
function partnerTtl(principal: Principal, ttl: number, now: number): { ttl?: number } {
  if (!principal.partner) return {};
  return { ttl: Math.max(60, Math.min(ttl, Math.round(principal.partner.exp - now / 1000))) };
}

/** The lower of two qualities. */
const minQuality = (a: PlayerQuality, b: PlayerQuality): PlayerQuality => (heightOf(a) <= heightOf(b) ? a : b);

/**
 * Ids of ended sessions, kept as long as a media token can live (6 h), so their tokens are refused
 * before they expire. In memory: one process's view (tokens are short-lived everywhere else).
 */
export class EndedSessions {
  readonly #at = new Map<string, number>();
  add(id: string): void {
    const now = Date.now();
    this.#at.set(id, now);
    if (this.#at.size > 5000) {
      for (const [key, at] of this.#at) if (now - at > 6 * 3600_000) this.#at.delete(key);
    }
  }
  has(id: string): boolean {
    return this.#at.has(id);
  }
}

export class PlayerService {
  readonly #app: FastifyInstance;
  /** Sessions ended in this process: their media tokens stop working at once. */
  readonly ended = new EndedSessions();

  constructor(app: FastifyInstance) {
    this.#app = app;
    this.#settings = new SettingsService(app.db, async (ids) =>
      app.catalog.summariesByIds(ids, { ...(await app.catalog.viewer(null)), maturityCeiling: 18 }),
    );
  }
  readonly #settings: SettingsService;

  get #db() {
    return this.#app.db;
  }
  get #media() {
    return this.#app.media;
  }
  #now() {
    return this.#media.now();
  }

  // Starting ------------------------------------------------------------------------------------

  /** The profile watching: the one named (the account's), the token's, or the account's first. */
  async #profileFor(principal: Principal, requested: string | undefined) {
    // A partner page's viewer has no account: a stand-in profile, whose progress is not kept.
    if (principal.partner) return { id: PARTNER_PROFILE, name: 'Viewer', language: 'en', isKids: false };
    const wanted = requested ?? principal.profileId;
    const rows = await this.#db
      .select({ id: profiles.id, name: profiles.name, language: profiles.language, isKids: profiles.isKids })
      .from(profiles)
      .where(eq(profiles.userId, principal.userId))
      .orderBy(asc(profiles.position), asc(profiles.createdAt));
    const profile = wanted ? rows.find((p) => p.id === wanted) : rows[0];
    if (!profile) {
      if (wanted) throw notFound('That profile');
      throw new HttpError(403, 'profile_required', 'Create a profile first');
    }
    return profile;
  }

  /** Ends idle sessions of an account (no event for IDLE_TIMEOUT), freeing their slots. */
  async #expireIdle(userId: string): Promise<void> {
    const cutoff = new Date(this.#now() - IDLE_TIMEOUT * 1000);
    const expired = await this.#db
      .update(playerSessions)
      .set({ status: 'expired', endReason: 'idle', endedAt: new Date(this.#now()) })
      .where(
        and(
          eq(playerSessions.userId, userId),
          eq(playerSessions.status, 'active'),
          or(
            lt(playerSessions.lastHeartbeatAt, cutoff),
            and(isNull(playerSessions.lastHeartbeatAt), lt(playerSessions.createdAt, cutoff)),
          ),
        ),
      )
      .returning({ id: playerSessions.id });
    for (const r of expired) this.ended.add(r.id);
  }

  /** Picks the episode to play when none is named: in progress, else the one after the last finished, else the first. */
  async #resumeEpisode(titleId: string, profileId: string, episodes: { id: string }[]): Promise<string | null> {
    if (!episodes.length) return null;
    const rows = await this.#db
      .select({ episodeId: progress.episodeId, completed: progress.completed })
      .from(progress)
      .where(and(eq(progress.profileId, profileId), eq(progress.titleId, titleId)))
      .orderBy(desc(progress.updatedAt))
      .limit(1);
    const last = rows[0];
    const index = last ? episodes.findIndex((e) => e.id === last.episodeId) : -1;
    if (index < 0) return (episodes[0] as { id: string }).id;
    if (!last?.completed) return (episodes[index] as { id: string }).id;
    return (episodes[index + 1] ?? episodes[index] ?? episodes[0])?.id ?? null;
  }

  async start(principal: Principal, body: EnhancedSessionRequest): Promise<EnhancedSession> {
    assertPartnerTitle(principal, body.title_id, body.episode_id);
    const profile = await this.#profileFor(principal, body.profile_id);
    const viewer = await viewerOf(this.#db, principal, { profileId: profile.id });
    const catalog = this.#app.catalog;
    const snap = await catalog.snapshot();
    const title = snap.titles.get(body.title_id);
    if (!title || !catalog.isPublished(title)) throw notFound('That title');
    if (title.row.maturityLevel > viewer.maturityCeiling) {
      throw new HttpError(
        403,
        'maturity_restricted',
        `${profile.name}'s profile is limited to titles rated for ages up to ${viewer.maturityCeiling}`,
        { hint: { maturity_level: title.row.maturityLevel, ceiling: viewer.maturityCeiling } },
      );
    }
    if (!catalog.isAvailable(title, viewer.region)) {
      throw new HttpError(403, 'not_available_in_region', `This title is not available to watch in ${viewer.region}`, {
        hint: { region: viewer.region },
      });
    }
    // The episode.
    const records = title.row.type === 'film' ? [] : await catalog.episodeRecords(snap, title.id);
    let episodeId: string | null = null;
    const episodeWanted = body.episode_id ?? principal.partner?.episodeId ?? undefined;
    if (episodeWanted) {
      if (!records.some((e) => e.id === body.episode_id)) throw notFound('That episode');
      episodeId = episodeWanted;
    } else if (title.row.type !== 'film') {
      episodeId = await this.#resumeEpisode(title.id, profile.id, records);
      if (!episodeId) throw new HttpError(404, 'media_unavailable', 'This series has no episodes to play yet');
    }
    // The media.
    let asset = await this.#media.boundAsset(title.id, episodeId);
    if (!asset) throw new HttpError(404, 'media_unavailable', 'There is no video for this yet');
    if (asset.status !== 'ready') {
      const waited = await this.#media.waitForAsset(asset.id, this.#media.options.prepareWait * 1000);
      if (waited) asset = waited;
    }
    const output = MediaService.output(asset);
    if (!output) {
      const job = (await this.#media.queue.latest([asset.id])).get(asset.id);
      if (asset.status === 'failed') {
        throw new HttpError(503, 'media_unavailable', 'The video could not be prepared; staff have been told');
      }
      throw new HttpError(
        503,
        'media_preparing',
        `The video is still being prepared (${Math.round((job?.progress ?? 0) * 100)} %); try again in a few seconds`,
        { hint: { progress: job?.progress ?? 0, stage: job?.stage ?? null } },
        { 'retry-after': '5' },
      );
    }
    // Streams: this device's earlier stream gives way; idle ones expire; then the plan's limit.
    const ent = playbackEntitlements(principal.plan);
    await this.#expireIdle(principal.userId);
    const replaced = await this.#db
      .update(playerSessions)
      .set({ status: 'ended', endReason: 'replaced', endedAt: new Date(this.#now()) })
      .where(
        and(
          eq(playerSessions.userId, principal.userId),
          eq(playerSessions.status, 'active'),
          eq(playerSessions.authSessionId, principal.sessionId),
          eq(playerSessions.profileId, profile.id),
        ),
      )
      .returning({ id: playerSessions.id });
    for (const r of replaced) this.ended.add(r.id);
    const active = await this.#db
      .select({
        id: playerSessions.id,
        titleId: playerSessions.titleId,
        profileId: playerSessions.profileId,
        device: playerSessions.device,
        createdAt: playerSessions.createdAt,
      })
      .from(playerSessions)
      .where(and(eq(playerSessions.userId, principal.userId), eq(playerSessions.status, 'active')))
      .orderBy(asc(playerSessions.createdAt));
    if (active.length >= ent.concurrentStreams) {
      const upgrade = planForStreams(ent.concurrentStreams);
      throw new HttpError(
        409,
        'stream_limit',
        `Your plan plays on ${ent.concurrentStreams} screen${ent.concurrentStreams === 1 ? '' : 's'} at a time: stop another stream first` +
          (upgrade
            ? `, or upgrade to ${upgrade.name} for ${playbackEntitlements(upgrade.code).concurrentStreams} screens`
            : ''),
        {
          hint: {
            limit: ent.concurrentStreams,
            plan: ent.plan,
            upgrade: upgrade?.code ?? null,
            streams: active.map((s) => ({
              session_id: s.id,
              title_id: s.titleId,
              title: snap.titles.get(s.titleId)?.row.name ?? null,
              profile_id: s.profileId,
              device: (s.device as { kind?: string; browser?: string; os?: string }) ?? {},
              started_at: iso(s.createdAt),
            })),
          },
        },
      );
    }
    const topAvailable = (output.rungs[output.rungs.length - 1]?.label ?? '240p') as PlayerQuality;
    const maxQuality = ent.maxQuality;
    const sessionId = newId('pls');
    const media = this.#media.tokenFor(asset.id, {
      maxHeight: heightOf(maxQuality),
      sessionId,
      ...partnerTtl(principal, this.#media.options.tokenTtl, this.#now()),
    });
    const now = new Date(this.#now());
    // Resume.
    let resume = 0;
    let resumeSource: EnhancedSession['resume_source'] = 'start';
    if (body.start_position !== undefined) {
      resume = Math.min(body.start_position, Math.max(0, output.duration - 1));
      resumeSource = 'request';
    } else {
      const [p] = await this.#db
        .select()
        .from(progress)
        .where(
          and(
            eq(progress.profileId, profile.id),
            eq(progress.titleId, title.id),
            eq(progress.episodeId, episodeId ?? ''),
          ),
        );
      if (p && !p.completed && p.position > 0) {
        // Progress kept against another length (the catalog's runtime) is carried over as a fraction.
        const at =
          Math.abs(p.duration - output.duration) > 1
            ? (p.position / Math.max(1, p.duration)) * output.duration
            : p.position;
        if (at < output.duration * 0.95) {
          resume = round(Math.max(0, at), 1);
          resumeSource = 'history';
        }
      }
    }
    await this.#db.insert(playerSessions).values({
      id: sessionId,
      userId: principal.userId,
      profileId: profile.id,
      authSessionId: principal.sessionId,
      titleId: title.id,
      episodeId,
      assetId: asset.id,
      plan: ent.plan,
      maxQuality,
      region: viewer.region,
      device: body.device ?? {},
      duration: output.duration,
      position: resume,
      tokenExpiresAt: new Date(media.exp * 1000),
      stats: emptyStats(),
      createdAt: now,
      lastHeartbeatAt: now,
    });
    const markerList = await this.markersOf(title.id, episodeId, output.duration);
    // A viewer's remembered series choice and playback switches; a partner page's viewer has none.
    const saved = principal.partner ? null : await this.#settings.playerPreferences(profile.id, title.id);
    const episodes = await this.#episodeShapes(title, episodeId, viewer, saved?.skip_filler === true);
    const audioPreference = output.audio.find(
      (a) => a.language === profile.language || a.language.startsWith(`${profile.language}-`),
    );
    const hints = await this.hints(profile.id, maxQuality, output, body.device);
    return {
      session_id: sessionId,
      manifest_url: this.#media.mediaUrl(asset.id, output.master, media.token),
      format: 'hls',
      media_token: this.#mediaToken(media),
      resume_position: resume,
      resume_source: resumeSource,
      duration: output.duration,
      markers: markerList,
      thumbnails: this.sprite(asset.id, output, media.token),
      chapters_url: output.chapters ? this.#media.mediaUrl(asset.id, output.chapters, media.token) : null,
      audio_tracks: output.audio.map((a) => ({
        id: a.id,
        language: a.language,
        name: a.name,
        kind: 'main' as const,
        channels: a.channels,
        is_default: a.isDefault,
      })),
      subtitle_tracks: output.subtitles.map((s) => ({
        id: s.id,
        language: s.language,
        name: s.name,
        kind: s.kind,
        forced: s.forced,
        url: this.#media.mediaUrl(asset.id, s.file, media.token),
        is_default: s.isDefault,
      })),
      qualities: output.rungs.map((r, level) => ({
        level,
        label: r.label,
        width: r.width,
        height: r.height,
        bandwidth: r.bandwidth,
        average_bandwidth: r.averageBandwidth,
        codecs: r.codecs,
        frame_rate: r.frameRate,
        allowed: heightOf(r.label) <= heightOf(maxQuality),
      })),
      max_quality: maxQuality,
      plan: ent.plan,
      heartbeat_interval: HEARTBEAT_INTERVAL,
      idle_timeout: IDLE_TIMEOUT,
      title: catalog.summaryOf(snap, title, viewer.region),
      episode: episodes.current,
      next_episode: episodes.next
        ? { episode: episodes.next, countdown: NEXT_COUNTDOWN, skipped_filler: episodes.skippedFiller }
        : null,
      preferences: saved
        ? { ...saved, audio_language: saved.audio_language ?? audioPreference?.language ?? null }
        : {
            audio_language: audioPreference?.language ?? null,
            subtitle_language: null,
            subtitles: 'off',
            source: audioPreference ? 'profile' : 'default',
            language_order: [profile.language],
            skip_intros: false,
            skip_recaps: false,
            skip_filler: false,
            autoplay_next: true,
            still_watching_after: 3,
          },
      hints: { ...hints, start_quality: minQuality(hints.start_quality, minQuality(topAvailable, maxQuality)) },
      concurrent_streams: { in_use: active.length + 1, limit: ent.concurrentStreams },
      partner: Boolean(principal.partner),
      created_at: iso(now),
    };
  }

  #mediaToken(media: { token: string; exp: number; ttl: number }) {
    const expiresIn = Math.max(0, Math.round(media.exp - this.#now() / 1000));
    return {
      token: media.token,
      expires_at: iso(media.exp * 1000),
      expires_in: expiresIn,
      renew_before: Math.min(300, Math.max(30, Math.round(media.ttl / 5))),
      attach: { mode: 'query' as const, name: 'token' },
    };
  }

  /**
   * The current and next episode in the contract's shape (with the profile's progress). With
   * `skipFiller` (anime, the viewer's choice) the next one is the next episode not marked filler,
   * and `skippedFiller` counts those jumped over; when only filler is left, the next one is the
   * episode after the current one (the series goes on rather than ends).
   */
  async #episodeShapes(
    title: TitleRecord,
    episodeId: string | null,
    viewer: Awaited<ReturnType<typeof viewerOf>>,
    skipFiller: boolean,
  ): Promise<{ current: Episode | null; next: Episode | null; skippedFiller: number }> {
    if (!episodeId) return { current: null, next: null, skippedFiller: 0 };
    const catalog = this.#app.catalog;
    const snap = await catalog.snapshot();
    const records = await catalog.episodeRecords(snap, title.id);
    const index = records.findIndex((e) => e.id === episodeId);
    const current = records[index];
    let skippedFiller = 0;
    if (skipFiller) {
      while (records[index + 1 + skippedFiller]?.filler === 'filler') skippedFiller++;
      if (!records[index + 1 + skippedFiller]) skippedFiller = 0;
    }
    const next = records[index + 1 + skippedFiller];
    if (!current) return { current: null, next: null, skippedFiller: 0 };
    const season = await catalog.episodes(title.id, current.seasonNumber, viewer);
    const nextSeason =
      next && next.seasonNumber !== current.seasonNumber
        ? await catalog.episodes(title.id, next.seasonNumber, viewer)
        : season;
    return {
      current: season.items.find((e) => e.id === current.id) ?? null,
      next: next ? (nextSeason.items.find((e) => e.id === next.id) ?? null) : null,
      skippedFiller,
    };
  }

  /** Markers of a film (episode null) or an episode, clipped to the media's length. */
  async markersOf(titleId: string, episodeId: string | null, duration: number | null): Promise<Marker[]> {
    const rows = await this.#db
      .select({ kind: markers.kind, start: markers.start, end: markers.end })
      .from(markers)
      .where(
        and(eq(markers.titleId, titleId), episodeId ? eq(markers.episodeId, episodeId) : isNull(markers.episodeId)),
      )
      .orderBy(asc(markers.start));
    return rows
      .filter((m) => duration === null || m.start < duration)
      .map((m) => ({ kind: m.kind, start: m.start, end: duration === null ? m.end : Math.min(m.end, duration) }));
  }

  /** The contract's ThumbnailSprite of an asset, with signed URLs. */
  sprite(assetId: string, output: PackagedMedia, token: string) {
    const s = output.sprite;
    if (!s) return null;
    return {
      interval: s.interval,
      tile_width: s.tileWidth,
      tile_height: s.tileHeight,
      columns: s.columns,
      rows: s.rows,
      images: s.images.map((i) => this.#media.mediaUrl(assetId, i, token)),
      count: s.count,
      vtt_url: this.#media.mediaUrl(assetId, s.vtt, token),
    };
  }

  // Session calls -------------------------------------------------------------------------------

  /** The caller's session, or 404; 410 when `live` and it has ended. */
  async session(principal: Principal, id: string, live = false): Promise<SessionRow> {
    const [row] = await this.#db
      .select()
      .from(playerSessions)
      .where(and(eq(playerSessions.id, id), ownedBy(principal)));
    if (!row) throw notFound('That playback session');
    if (live && row.status === 'active' && this.#isIdle(row)) {
      await this.#end(row.id, 'expired', 'idle');
      row.status = 'expired';
      row.endReason = 'idle';
    }
    if (live && row.status !== 'active') {
      throw new HttpError(410, 'session_ended', 'This playback session has ended: start a new one', {
        hint: {
          status: row.status,
          reason: row.endReason,
          // Staff stopped it (admin live sessions, issue 17): the message the player shows.
          message:
            row.status === 'terminated'
              ? (row.stats as { termination?: { message?: string | null } } | null)?.termination?.message ||
                'This stream was stopped by Reel support'
              : null,
        },
      });
    }
    return row;
  }

  #isIdle(row: SessionRow): boolean {
    const last = (row.lastHeartbeatAt ?? row.createdAt).getTime();
    return this.#now() - last > IDLE_TIMEOUT * 1000;
  }

  async #end(id: string, status: SessionRow['status'], reason: string): Promise<void> {
    await this.#db
      .update(playerSessions)
      .set({ status, endReason: reason, endedAt: new Date(this.#now()) })
      .where(and(eq(playerSessions.id, id), eq(playerSessions.status, 'active')));
    this.ended.add(id);
  }

  /** DELETE /player/sessions/{id}: frees the slot (already ended: nothing to do). */
  async end(principal: Principal, id: string): Promise<void> {
    const row = await this.session(principal, id);
    if (row.status === 'active') await this.#end(row.id, 'ended', 'closed');
  }

  async renew(principal: Principal, id: string) {
    const row = await this.session(principal, id, true);
    const media = this.#media.tokenFor(row.assetId, {
      maxHeight: heightOf(row.maxQuality as PlayerQuality),
      sessionId: row.id,
      ...partnerTtl(principal, this.#media.options.tokenTtl, this.#now()),
    });
    await this.#db
      .update(playerSessions)
      .set({
        tokenExpiresAt: new Date(media.exp * 1000),
        tokenRenewals: sql`${playerSessions.tokenRenewals} + 1`,
        lastHeartbeatAt: new Date(this.#now()),
      })
      .where(eq(playerSessions.id, row.id));
    return { media_token: this.#mediaToken(media) };
  }

  async qualitySwitch(principal: Principal, id: string, body: QualitySwitchRequest): Promise<QualitySwitchResult> {
    const row = await this.session(principal, id, true);
    const max = row.maxQuality as PlayerQuality;
    const capped = body.to !== 'auto' && heightOf(body.to) > heightOf(max);
    const quality: PlayerQualityChoice = capped ? max : body.to;
    const stats = { ...emptyStats(), ...(row.stats as Partial<SessionStats>) };
    stats.switches[body.mode] += 1;
    await this.#db
      .update(playerSessions)
      .set({ quality, stats, lastHeartbeatAt: new Date(this.#now()), position: body.position })
      .where(eq(playerSessions.id, row.id));
    const plan = capped ? planFor(body.to as PlayerQuality) : null;
    return {
      quality,
      capped,
      max_quality: max,
      message: capped
        ? `Your plan streams up to ${max}${plan ? `; ${plan.charAt(0).toUpperCase()}${plan.slice(1)} streams ${body.to}` : ''}`
        : null,
    };
  }

  async analytics(principal: Principal, id: string): Promise<PlayerSessionAnalytics> {
    const row = await this.session(principal, id);
    const s = { ...emptyStats(), ...(row.stats as Partial<SessionStats>) };
    return {
      session_id: row.id,
      title_id: row.titleId,
      episode_id: row.episodeId,
      status: row.status,
      started_at: iso(row.createdAt),
      ended_at: row.endedAt ? iso(row.endedAt) : null,
      watch_time: round(s.watch, 1),
      startup_time_ms: s.startupMs,
      average_bitrate: s.bitrateTime > 0 ? Math.round(s.bitrateSum / s.bitrateTime) : null,
      peak_bitrate: s.peakBitrate,
      time_by_quality: QUALITY_ORDER.filter((q) => (s.byQuality[q] ?? 0) > 0).map((q) => ({
        quality: q,
        seconds: round(s.byQuality[q] ?? 0, 1),
      })),
      rebuffer_count: s.rebufferCount,
      rebuffer_time: round(s.rebufferTime, 2),
      rebuffer_ratio: s.watch + s.rebufferTime > 0 ? round(s.rebufferTime / (s.watch + s.rebufferTime), 4) : 0,
      quality_switches: s.switches,
      errors: s.errors,
      dropped_frames: s.dropped,
      media_token_renewals: row.tokenRenewals,
    };
  }

  async debugInfo(principal: Principal, id: string): Promise<PlayerDebugInfo> {
    const row = await this.session(principal, id);
    const inUse = await this.#db
      .select({ n: sql<number>`count(*)::int` })
      .from(playerSessions)
      .where(and(eq(playerSessions.userId, principal.userId), eq(playerSessions.status, 'active')));
    const device = (row.device ?? {}) as Partial<{ kind: string; os: string; browser: string; player_version: string }>;
    const token = this.#media.tokenFor(row.assetId, {
      maxHeight: heightOf(row.maxQuality as PlayerQuality),
      sessionId: row.id,
      ttl: Math.max(60, Math.round((row.tokenExpiresAt.getTime() - this.#now()) / 1000)),
    });
    const [asset] = await this.#media.assetsByIds([row.assetId]);
    const output = asset ? MediaService.output(asset) : null;
    return {
      session_id: row.id,
      status: row.status,
      end_reason: row.endReason,
      title_id: row.titleId,
      episode_id: row.episodeId,
      created_at: iso(row.createdAt),
      last_heartbeat_at: row.lastHeartbeatAt ? iso(row.lastHeartbeatAt) : null,
      server_time: iso(this.#now()),
      position: row.position,
      quality: (row.quality as PlayerQualityChoice | null) ?? null,
      max_quality: row.maxQuality as PlayerQuality,
      manifest_url: this.#media.mediaUrl(row.assetId, output?.master ?? 'master.m3u8', token.token),
      media_token_expires_at: iso(row.tokenExpiresAt),
      media_token_renewals: row.tokenRenewals,
      delivery_node: `origin:${process.pid}`,
      region: row.region,
      device: {
        kind: device.kind ?? 'other',
        os: device.os ?? '',
        browser: device.browser ?? '',
        player_version: device.player_version ?? '',
      },
      auth: row.userId.startsWith('partner:') ? 'partner' : 'session',
      events_received: row.eventsReceived,
      last_event: row.lastEventType && row.lastEventAt ? { type: row.lastEventType, at: iso(row.lastEventAt) } : null,
      concurrent_streams: {
        in_use: Number(inUse[0]?.n ?? 0),
        limit: playbackEntitlements(row.plan).concurrentStreams,
      },
      recent_errors: (row.recentErrors as PlayerDebugInfo['recent_errors']) ?? [],
    };
  }

  async reportIssue(
    principal: Principal,
    id: string,
    body: { category: string; text: string; position: number; debug: unknown },
  ) {
    const row = await this.session(principal, id);
    const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
    const reference = `PB-${Array.from({ length: 5 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')}`;
    const now = new Date(this.#now());
    const reportId = newId('pbi');
    await this.#db.insert(playbackIssues).values({
      id: reportId,
      reference,
      sessionId: row.id,
      profileId: row.profileId,
      category: body.category,
      text: body.text,
      position: body.position,
      debug: body.debug ?? {},
      createdAt: now,
    });
    return { report_id: reportId, reference, created_at: iso(now) };
  }

  // Events --------------------------------------------------------------------------------------

  /**
   * Stores a batch of events (duplicates by session and id are dropped) and moves each session's
   * position, stats and the profile's progress forward.
   */
  async events(principal: Principal, events: PlayerEvent[]) {
    const ids = [...new Set(events.map((e) => e.session_id))];
    const rows = ids.length
      ? await this.#db
          .select()
          .from(playerSessions)
          .where(and(inArray(playerSessions.id, ids), ownedBy(principal)))
      : [];
    const sessions = new Map(rows.map((r) => [r.id, r]));
    let accepted = 0;
    let duplicates = 0;
    let ignored = 0;
    const now = new Date(this.#now());
    const bySession = new Map<string, PlayerEvent[]>();
    for (const e of events) {
      const s = sessions.get(e.session_id);
      // Events of a session that ended a while ago (or is not the caller's) are not kept.
      const stale = s && s.status !== 'active' && s.endedAt && this.#now() - s.endedAt.getTime() > 10 * 60_000;
      if (!s || stale) {
        ignored++;
        continue;
      }
      const list = bySession.get(s.id) ?? [];
      list.push(e);
      bySession.set(s.id, list);
    }
    for (const [sessionId, list] of bySession) {
      const session = sessions.get(sessionId) as SessionRow;
      const inserted = await this.#db
        .insert(playerEvents)
        .values(
          list.map((e) => ({
            sessionId,
            eventId: e.id,
            type: e.type,
            position: e.position,
            details: (e.details ?? null) as unknown,
            occurredAt: new Date(e.timestamp),
            receivedAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ eventId: playerEvents.eventId });
      const fresh = new Set(inserted.map((r) => r.eventId));
      const seen = new Set<string>();
      const news = list.filter((e) => {
        if (!fresh.has(e.id) || seen.has(e.id)) return false;
        seen.add(e.id);
        return true;
      });
      duplicates += list.length - news.length;
      accepted += news.length;
      if (news.length) await this.#apply(session, news, now);
    }
    return { accepted, duplicates, ignored, server_time: iso(now) };
  }

  async #apply(session: SessionRow, events: PlayerEvent[], now: Date): Promise<void> {
    const s = { ...emptyStats(), ...(session.stats as Partial<SessionStats>) };
    const errors = [...((session.recentErrors as PlayerDebugInfo['recent_errors']) ?? [])];
    const ordered = [...events].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    let position = session.position ?? 0;
    let quality = session.quality;
    let completed = false;
    let endedBy: string | null = null;
    for (const e of ordered) {
      position = e.position;
      switch (e.type) {
        case 'play':
          if (s.startupMs === null) s.startupMs = Math.max(0, Date.parse(e.timestamp) - session.createdAt.getTime());
          break;
        case 'heartbeat': {
          const d = e.details;
          const watched = Math.min(d.watched, 600);
          s.watch += watched;
          if (d.quality && d.quality !== 'auto') s.byQuality[d.quality] = (s.byQuality[d.quality] ?? 0) + watched;
          if (d.bitrate) {
            s.bitrateSum += d.bitrate * watched;
            s.bitrateTime += watched;
            s.peakBitrate = Math.max(s.peakBitrate ?? 0, d.bitrate);
          }
          if (d.bandwidth_estimate) s.bandwidth = [...s.bandwidth, d.bandwidth_estimate].slice(-50);
          s.dropped = Math.max(s.dropped, d.dropped_frames);
          quality = d.quality ?? quality;
          break;
        }
        case 'quality_change':
          s.switches[e.details.mode] += 1;
          quality = e.details.to;
          break;
        case 'rebuffer':
          s.rebufferCount += 1;
          s.rebufferTime += e.details.duration_ms / 1000;
          break;
        case 'error':
          if (e.details.fatal && !e.details.recovered) s.errors.fatal += 1;
          else s.errors.recovered += 1;
          errors.push({
            at: e.timestamp,
            type: e.details.code.slice(0, 80),
            details: e.details.message.slice(0, 500),
            fatal: e.details.fatal,
            ...(e.details.status !== undefined ? { status: e.details.status } : {}),
          });
          break;
        case 'ended':
          if (!e.details || e.details.reason === 'completed' || e.details.reason === 'next') completed = true;
          endedBy = e.details?.reason ?? 'completed';
          break;
        default:
          break;
      }
    }
    const duration = session.duration || position;
    const done = completed || (duration > 0 && position >= duration * 0.95);
    await this.#db
      .update(playerSessions)
      .set({
        position,
        quality,
        stats: s,
        recentErrors: errors.slice(-20),
        eventsReceived: sql`${playerSessions.eventsReceived} + ${events.length}`,
        lastEventType: (ordered[ordered.length - 1] as PlayerEvent).type,
        lastEventAt: now,
        lastHeartbeatAt: now,
        ...(endedBy === 'closed' && session.status === 'active'
          ? { status: 'ended' as const, endReason: 'closed', endedAt: now }
          : {}),
      })
      .where(eq(playerSessions.id, session.id));
    if (endedBy === 'closed') this.ended.add(session.id);
    // The profile's progress: what history and Continue Watching read (a partner viewer has none).
    if (session.profileId === PARTNER_PROFILE && session.userId.startsWith('partner:')) return;
    const values = {
      profileId: session.profileId,
      titleId: session.titleId,
      episodeId: session.episodeId ?? '',
      position: done ? duration : Math.max(0, Math.min(position, duration)),
      duration,
      completed: done,
      updatedAt: now,
    };
    await this.#db
      .insert(progress)
      .values(values)
      .onConflictDoUpdate({
        target: [progress.profileId, progress.titleId, progress.episodeId],
        set: { position: values.position, duration: values.duration, completed: values.completed, updatedAt: now },
      });
  }

  // Hints ---------------------------------------------------------------------------------------

  async hints(
    profileId: string | null,
    maxQuality: PlayerQuality,
    output: PackagedMedia | null,
    device?: EnhancedSessionRequest['device'],
  ): Promise<PlaybackHints> {
    let samples: number[] = [];
    if (profileId) {
      const recent = await this.#db
        .select({ stats: playerSessions.stats })
        .from(playerSessions)
        .where(eq(playerSessions.profileId, profileId))
        .orderBy(desc(playerSessions.createdAt))
        .limit(10);
      samples = recent.flatMap((r) => {
        const b = ((r.stats as Partial<SessionStats>).bandwidth ?? []).filter((x) => x > 0);
        if (!b.length) return [];
        const sorted = [...b].sort((x, y) => x - y);
        return [sorted[Math.floor(sorted.length / 2)] as number];
      });
    }
    const median = samples.length
      ? ([...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number)
      : null;
    const connection = device?.connection;
    const downlink = connection?.downlink_mbps ? connection.downlink_mbps * 1_000_000 : null;
    const byType: Record<string, number> = { 'slow-2g': 150_000, '2g': 300_000, '3g': 1_500_000, '4g': 5_000_000 };
    const estimate =
      median ?? downlink ?? (connection?.effective_type ? (byType[connection.effective_type] ?? null) : null);
    const source: PlaybackHints['source'] = median ? 'history' : estimate ? 'device' : 'default';
    const startBitrate = Math.round(estimate ?? 2_000_000);
    const rungs = output?.rungs ?? [];
    // The highest rung whose bandwidth fits in 70 % of the estimate, within the plan.
    const fitting = rungs.filter((r) => r.bandwidth <= startBitrate * 0.7 && heightOf(r.label) <= heightOf(maxQuality));
    const start = (fitting[fitting.length - 1]?.label ??
      rungs[0]?.label ??
      minQuality('480p', maxQuality)) as PlayerQuality;
    return {
      start_quality: start,
      start_bitrate: startBitrate,
      measured_throughput: median,
      samples: samples.length,
      source,
      confidence: samples.length >= 5 ? 'high' : samples.length >= 2 ? 'medium' : 'low',
      buffer: { target: 30, max: 60, back: 30 },
      abr: { bandwidth_up_factor: 0.7, bandwidth_factor: 0.95 },
      max_quality: maxQuality,
      computed_at: iso(this.#now()),
    };
  }

  /** GET /playback-intelligence/hints */
  async hintsFor(
    principal: Principal,
    query: { title_id: string; episode_id?: string | undefined; effective_connection?: string | undefined },
  ): Promise<PlaybackHints> {
    const snap = await this.#app.catalog.snapshot();
    const title = snap.titles.get(query.title_id);
    if (!title || !this.#app.catalog.isPublished(title)) throw notFound('That title');
    const asset = await this.#media.boundAsset(title.id, query.episode_id ?? (title.row.type === 'film' ? null : null));
    const output = asset ? MediaService.output(asset) : null;
    const ent = playbackEntitlements(principal.plan);
    const connection = query.effective_connection
      ? { effective_type: query.effective_connection as 'slow-2g' | '2g' | '3g' | '4g' }
      : undefined;
    return this.hints(
      principal.profileId,
      ent.maxQuality,
      output,
      connection
        ? {
            kind: 'other',
            os: '',
            browser: '',
            player_version: '',
            screen_width: 1,
            screen_height: 1,
            pixel_ratio: 1,
            supports: { mse: true, native_hls: false, hevc: false, av1: false, hdr: false },
            connection,
          }
        : undefined,
    );
  }

  /** The ready output of an asset row, or null. */
  static outputOf(asset: AssetRow | null | undefined): PackagedMedia | null {
    return asset ? MediaService.output(asset) : null;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    player: PlayerService;
  }
}

/** Decorates the app with `app.player` (after `app.media` and `app.catalog`). */
export const playerPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorate('player', new PlayerService(app));
  },
  { name: 'reel-player', dependencies: ['reel-media', 'reel-catalog'] },
);
