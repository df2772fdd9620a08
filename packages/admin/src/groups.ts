import { msg } from '@lit/localize';
import { Permission } from '@reel/contracts';

/** A panel of the admin: where it lives, who may open it, and how its code is loaded. */
export interface AdminGroup {
  /** The path under /admin: `titles`, `assets/video`. Empty for the dashboard. */
  path: string;
  label: () => string;
  icon: string;
  /** The permission the server asks for on the group's routes. */
  permission: Permission;
  /** `coming`: listed in the navigation, built in a later release. */
  status: 'ready' | 'coming';
  section: 'overview' | 'catalog' | 'assets' | 'offline' | 'platform';
  /** The panel's element and the module that defines it (each its own chunk). */
  tag?: string;
  load?: () => Promise<unknown>;
}

export const SECTIONS: { id: AdminGroup['section']; label: () => string }[] = [
  { id: 'overview', label: () => msg('Overview', { id: 'admin.section.overview' }) },
  { id: 'catalog', label: () => msg('Catalog', { id: 'admin.section.catalog' }) },
  { id: 'assets', label: () => msg('Media assets', { id: 'admin.section.assets' }) },
  { id: 'offline', label: () => msg('Bundles and downloads', { id: 'admin.section.offline' }) },
  { id: 'platform', label: () => msg('Platform', { id: 'admin.section.platform' }) },
];

const P = Permission;

export const GROUPS: AdminGroup[] = [
  {
    path: '',
    label: () => msg('Dashboard', { id: 'admin.group.dashboard' }),
    icon: 'home',
    permission: P.dashboardView,
    status: 'ready',
    section: 'overview',
    tag: 'reel-admin-dashboard',
    load: () => import('./panels/dashboard.js'),
  },
  {
    path: 'titles',
    label: () => msg('Titles', { id: 'admin.group.titles' }),
    icon: 'film',
    permission: P.catalogManage,
    status: 'ready',
    section: 'catalog',
    tag: 'reel-admin-titles',
    load: () => import('./panels/titles.js'),
  },
  {
    path: 'series',
    label: () => msg('Series', { id: 'admin.group.series' }),
    icon: 'tv',
    permission: P.catalogManage,
    status: 'ready',
    section: 'catalog',
    tag: 'reel-admin-series',
    load: () => import('./panels/series.js'),
  },
  {
    path: 'genres',
    label: () => msg('Genres', { id: 'admin.group.genres' }),
    icon: 'grid',
    permission: P.taxonomyManage,
    status: 'ready',
    section: 'catalog',
    tag: 'reel-admin-genres',
    load: () => import('./panels/genres.js'),
  },
  {
    path: 'taxonomy',
    label: () => msg('Tags, moods, ratings', { id: 'admin.group.taxonomy' }),
    icon: 'list',
    permission: P.taxonomyManage,
    status: 'ready',
    section: 'catalog',
    tag: 'reel-admin-taxonomy',
    load: () => import('./panels/taxonomy.js'),
  },
  {
    path: 'anime-arcs',
    label: () => msg('Anime arcs', { id: 'admin.group.anime-arcs' }),
    icon: 'bookmark',
    permission: P.catalogManage,
    status: 'ready',
    section: 'catalog',
    tag: 'reel-admin-arcs',
    load: () => import('./panels/arcs.js'),
  },
  {
    path: 'markers',
    label: () => msg('Markers', { id: 'admin.group.markers' }),
    icon: 'skip-next',
    permission: P.catalogManage,
    status: 'ready',
    section: 'catalog',
    tag: 'reel-admin-markers',
    load: () => import('./panels/markers.js'),
  },
  {
    path: 'assets/video',
    label: () => msg('Video', { id: 'admin.group.video' }),
    icon: 'upload',
    permission: P.assetsManage,
    status: 'ready',
    section: 'assets',
    tag: 'reel-admin-video',
    load: () => import('./panels/video.js'),
  },
  {
    path: 'assets/bulk-upload',
    label: () => msg('Bulk upload', { id: 'admin.group.bulk' }),
    icon: 'copy',
    permission: P.assetsManage,
    status: 'ready',
    section: 'assets',
    tag: 'reel-admin-bulk',
    load: () => import('./panels/bulk.js'),
  },
  {
    path: 'assets/streams',
    label: () => msg('Streams', { id: 'admin.group.streams' }),
    icon: 'bar-chart',
    permission: P.assetsManage,
    status: 'ready',
    section: 'assets',
    tag: 'reel-admin-streams',
    load: () => import('./panels/streams.js'),
  },
  {
    path: 'assets/validation',
    label: () => msg('Validation', { id: 'admin.group.validation' }),
    icon: 'shield',
    permission: P.assetsManage,
    status: 'ready',
    section: 'assets',
    tag: 'reel-admin-validation',
    load: () => import('./panels/validation.js'),
  },
  {
    path: 'assets/subtitles',
    label: () => msg('Subtitles', { id: 'admin.group.subtitles' }),
    icon: 'subtitles',
    permission: P.assetsManage,
    status: 'coming',
    section: 'assets',
  },
  {
    path: 'assets/trailers',
    label: () => msg('Trailers', { id: 'admin.group.trailers' }),
    icon: 'play',
    permission: P.assetsManage,
    status: 'coming',
    section: 'assets',
  },
  {
    path: 'assets/artwork',
    label: () => msg('Artwork', { id: 'admin.group.artwork' }),
    icon: 'eye',
    permission: P.assetsManage,
    status: 'coming',
    section: 'assets',
  },
  {
    path: 'audio-tracks',
    label: () => msg('Audio tracks', { id: 'admin.group.audio' }),
    icon: 'headphones',
    permission: P.assetsManage,
    status: 'coming',
    section: 'assets',
  },
  {
    path: 'bundles',
    label: () => msg('Bundles', { id: 'admin.group.bundles' }),
    icon: 'bookmark',
    permission: P.bundlesManage,
    status: 'ready',
    section: 'offline',
    tag: 'reel-admin-bundles',
    load: () => import('./panels/bundles.js'),
  },
  {
    path: 'downloads',
    label: () => msg('Downloads', { id: 'admin.group.downloads' }),
    icon: 'download',
    permission: P.downloadsManage,
    status: 'ready',
    section: 'offline',
    tag: 'reel-admin-downloads',
    load: () => import('./panels/downloads.js'),
  },
  {
    path: 'staff',
    label: () => msg('Staff', { id: 'admin.group.staff' }),
    icon: 'user',
    permission: P.staffManage,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'permissions',
    label: () => msg('Permissions', { id: 'admin.group.permissions' }),
    icon: 'lock',
    permission: P.permissionsManage,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'api-keys',
    label: () => msg('API keys', { id: 'admin.group.api-keys' }),
    icon: 'key',
    permission: P.apiKeysManage,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'jwks',
    label: () => msg('Signing keys', { id: 'admin.group.jwks' }),
    icon: 'shield',
    permission: P.jwksManage,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'assets/cdn-delivery',
    label: () => msg('Delivery', { id: 'admin.group.delivery' }),
    icon: 'globe',
    permission: P.deliveryManage,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'cdn-cookies',
    label: () => msg('Delivery cookies', { id: 'admin.group.cookies' }),
    icon: 'globe',
    permission: P.deliveryManage,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'sessions',
    label: () => msg('Live sessions', { id: 'admin.group.sessions' }),
    icon: 'cast',
    permission: P.sessionsManage,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'analytics',
    label: () => msg('Analytics', { id: 'admin.group.analytics' }),
    icon: 'bar-chart',
    permission: P.analyticsView,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'cost-analytics',
    label: () => msg('Costs', { id: 'admin.group.costs' }),
    icon: 'credit-card',
    permission: P.costsView,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'reviews',
    label: () => msg('Review moderation', { id: 'admin.group.reviews' }),
    icon: 'star',
    permission: P.reviewsModerate,
    status: 'coming',
    section: 'platform',
  },
  {
    path: 'observability',
    label: () => msg('Observability', { id: 'admin.group.observability' }),
    icon: 'eye',
    permission: P.observabilityView,
    status: 'coming',
    section: 'platform',
  },
];

/** The group a path under /admin belongs to (the longest matching prefix). */
export function groupOf(section: string): AdminGroup | undefined {
  const path = section.replace(/^\/+|\/+$/g, '');
  return [...GROUPS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((g) => (g.path === '' ? path === '' : path === g.path || path.startsWith(`${g.path}/`)));
}
