// The player's own hls.js build: hls.js's TypeScript sources with its build-time feature flags,
// keeping alternate audio, subtitles and media capabilities and dropping the rest (EME/DRM, CMCD,
// content steering, variable substitution, advanced M2TS codecs, interstitials, I-frames).
// Measured by bench/player.bench.ts against hls.js's full and light builds.
//
// Used by packages/player/vite.config.ts: `elementConfig({ …, ...hlsBuild })`, which passes
// `define`, `plugins` and `bundled` to build/vite-element.mjs.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const playerPackage = join(here, '..', '..', 'package.json');
const require = createRequire(playerPackage);
const hlsRoot = realpathSync(dirname(require.resolve('hls.js/package.json')));
const hlsSrc = join(hlsRoot, 'src');
const hlsVersion = require('hls.js/package.json').version;

/** The features kept; every other `__USE_*__` flag is false. */
export const HLS_FEATURES = ['ALT_AUDIO', 'SUBTITLES', 'MEDIA_CAPABILITIES'];
const ALL = [
  'ALT_AUDIO',
  'SUBTITLES',
  'EME_DRM',
  'CMCD',
  'CONTENT_STEERING',
  'VARIABLE_SUBSTITUTION',
  'M2TS_ADVANCED_CODECS',
  'MEDIA_CAPABILITIES',
  'INTERSTITIALS',
  'IFRAMES',
];

/**
 * Reel's packager writes fragmented MP4 (CMAF) only: hls.js's MPEG-TS, raw AAC/MP3/AC-3 demuxers
 * and the remuxer they need are left out (the passthrough remuxer plays fMP4 as it is).
 */
export const FMP4_ONLY = true;

/** `define` for hls.js's sources with the given features on. */
export function hlsDefines(features = HLS_FEATURES) {
  return {
    __VERSION__: JSON.stringify(hlsVersion),
    ...Object.fromEntries(ALL.map((f) => [`__USE_${f}__`, JSON.stringify(features.includes(f))])),
  };
}

/** hls.js's build-time dependencies (bundled into its dist; devDependencies of this package). */
const HLS_BUILD_DEPS = ['eventemitter3', 'url-toolkit', '@svta/cml-cmcd', '@svta/cml-id3', '@svta/cml-utils'];
const isHlsBuildDep = (id) => HLS_BUILD_DEPS.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * Resolves `hls.js` to its sources, and hls.js's own bare imports from this package (pnpm keeps
 * them out of hls.js's reach).
 */
export function hlsSourcePlugin({ fmp4Only = FMP4_ONLY } = {}) {
  const transmuxer = join(hlsSrc, 'demux', 'transmuxer.ts');
  return {
    name: 'reel-hls-source',
    enforce: 'pre',
    transform(code, id) {
      if (!fmp4Only || id !== transmuxer) return null;
      const list = /const muxConfig: MuxConfig\[\] = \[[^\]]*\];/;
      if (!list.test(code)) throw new Error('hls-build: the transmuxer changed; review FMP4_ONLY');
      return {
        code: code.replace(list, 'const muxConfig: MuxConfig[] = [{ demux: MP4Demuxer, remux: PassThroughRemuxer }];'),
        map: null,
      };
    },
    async resolveId(source, importer, options) {
      if (source === 'hls.js') return { id: join(hlsSrc, 'exports-default.ts'), moduleSideEffects: false };
      if (isHlsBuildDep(source)) {
        const found = await this.resolve(source, playerPackage, { ...options, skipSelf: true });
        return found && { ...found, moduleSideEffects: false };
      }
      // hls.js's modules have no side effects at load (the worker entry runs only inside a worker):
      // what a disabled feature leaves unreferenced is dropped whole.
      if (importer?.startsWith(hlsSrc) && source.startsWith('.')) {
        const found = await this.resolve(source, importer, { ...options, skipSelf: true });
        return found && { ...found, moduleSideEffects: false };
      }
      return null;
    },
    // Vite keeps whitespace in library (ES) builds; the hls.js chunk is minified fully once the
    // bundle is written (its source map then maps to hls.js's bundled code, not to its sources).
    async generateBundle(_options, bundle) {
      const { transform } = await import('esbuild');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.moduleIds.some((id) => id.startsWith(hlsSrc))) continue;
        const out = await transform(chunk.code, {
          minify: true,
          format: 'esm',
          target: 'es2022',
          legalComments: 'none',
        });
        chunk.code = out.code;
        const map = bundle[`${chunk.fileName}.map`];
        if (map) delete bundle[`${chunk.fileName}.map`];
      }
    },
  };
}

/** Options for build/vite-element.mjs's elementConfig. */
export const hlsBuild = {
  define: hlsDefines(),
  plugins: [hlsSourcePlugin()],
  /** Bundled into the player's lazy chunk, not left to the shell's import map. */
  bundled: ['hls.js', 'eventemitter3', 'url-toolkit', '@svta'],
};
