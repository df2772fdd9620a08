// The one build every Reel package reuses. A package's vite.config.ts is:
//
//   import { elementConfig } from '../../build/vite-element.mjs';
//   export default elementConfig({ entries: { index: 'src/index.ts', define: 'src/define.ts' } });
//
// `vite build` (mode "production") writes dist/: ES modules that import shared dependencies
// (lit, @lit/*, zod, hls.js, @reel/*) by bare name, for the shell's import map.
// `vite build --mode standalone` writes dist/standalone/: one self-contained module per
// `standalone` entry, carrying its own copy of every dependency; dynamic imports (hls.js) stay
// lazy chunks; every file name is content-hashed and listed in dist/standalone/.vite/manifest.json.
import { resolve } from 'node:path';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { pureContractPlugin } from './pure-annotate.mjs';

/** Conditions used to resolve workspace packages to their TypeScript sources. */
export const resolveConditions = ['reel-source', 'browser', 'module', 'import', 'default'];

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[a-zA-Z]:/.test(id);

// Helpers the compiler injects (decorators): bundled into each package, never a bare import that
// the shell's import map would have to know (the package does not declare it as a dependency).
const isCompilerHelper = (id) => id.startsWith('@oxc-project/runtime/');

/**
 * @param {{ entries: Record<string, string>, standalone?: Record<string, string>, root?: string,
 *   define?: Record<string, string>, plugins?: object[], bundled?: string[] }} options
 *   entries: name → source file for dist/; standalone: name → source file for dist/standalone/;
 *   define, plugins: added to the build (the player's own hls.js build);
 *   bundled: bare specifiers (and their subpaths) bundled into the package instead of left to the
 *   shell's import map.
 */
export function elementConfig({ entries, standalone = {}, define = {}, plugins = [], bundled = [] }) {
  const isBundled = (id) => bundled.some((b) => id === b || id.startsWith(`${b}/`));
  return ({ mode }) => {
    const isStandalone = mode === 'standalone';
    const input = isStandalone ? standalone : entries;
    if (isStandalone && Object.keys(input).length === 0) {
      throw new Error('elementConfig: no standalone entries for this package');
    }
    return {
      resolve: { conditions: resolveConditions },
      plugins: [pureContractPlugin(), cssLiteralsPlugin(), ...plugins],
      define,
      logLevel: 'warn',
      build: {
        outDir: isStandalone ? 'dist/standalone' : 'dist',
        emptyOutDir: isStandalone,
        target: 'es2022',
        minify: true,
        sourcemap: true,
        manifest: isStandalone,
        reportCompressedSize: false,
        lib: { entry: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, resolve(v)])), formats: ['es'] },
        rollupOptions: {
          external: isStandalone ? [] : (id) => isBare(id) && !isCompilerHelper(id) && !isBundled(id),
          output: {
            entryFileNames: isStandalone ? '[name]-[hash].js' : '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
          },
        },
      },
    };
  };
}
