#!/usr/bin/env node
// Builds the deployable site into shell/dist/:
//
//   index.html              the page template (the server adds the nonce, the import map and the
//                           route's modulepreload links per request)
//   manifest.webmanifest    the PWA manifest
//   importmap.json          the import map: every bare specifier of the site → one URL
//   site.json               what the server needs: entry, import map, static module graph, routes
//   assets/                 content-hashed files only (served `immutable`):
//     shell-<hash>.js, chunks/…           the shell (single-spa bundled in; lit, the kit… shared)
//     packages/<dir>@<version>-<hash>/    each built element package's dist/ (bare imports)
//     vendor/<name>@<version>/…-<hash>.js lit, @lit/*, zod, hls.js… once for every package
//     icons/…, shell-<hash>.css, import-map-overrides-<hash>.js
//
// `--import-map-only` skips the shell's own code and re-assembles packages, vendor, the import
// map and the graph from whatever packages are built now: that is how one element package is
// deployed alone (build it, then run this; nothing else is rebuilt).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { resolveConditions } from '../../build/vite-element.mjs';

const shellDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(shellDir, '..');
const dist = join(shellDir, 'dist');
const assets = join(dist, 'assets');
const importMapOnly = process.argv.includes('--import-map-only');
const started = Date.now();

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[a-zA-Z]:/.test(id);
const hashOf = (data) => createHash('sha256').update(data).digest('base64url').replace(/[-_]/g, '').slice(0, 10);
const toUrl = (file) => `/${relative(dist, file).split(sep).join('/')}`;
const walk = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      )
    : [];

/** Writes `content` as `<dir>/<name>-<hash><ext>` and returns its URL. */
function writeHashed(dir, name, ext, content) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${hashOf(content)}${ext}`);
  writeFileSync(file, content);
  return toUrl(file);
}

// ─── The shell's own code ─────────────────────────────────────────────────────────────────────

async function buildShell() {
  rmSync(dist, { recursive: true, force: true, maxRetries: 3 });
  mkdirSync(assets, { recursive: true });
  const output = await viteBuild({
    configFile: false,
    root: shellDir,
    publicDir: false,
    logLevel: 'warn',
    resolve: { conditions: resolveConditions },
    build: {
      outDir: assets,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      lib: { entry: { shell: join(shellDir, 'src/main.ts') }, formats: ['es'] },
      rollupOptions: {
        // Shared dependencies stay bare (the import map loads one copy for every package);
        // single-spa is the shell's alone. Compiler helpers are bundled.
        external: (id) => isBare(id) && !id.startsWith('single-spa') && !id.startsWith('@oxc-project/runtime/'),
        output: { entryFileNames: 'shell-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const entry = chunks.find((c) => c.type === 'chunk' && c.isEntry);
  if (!entry) throw new Error('the shell build produced no entry');

  // The import-map overrides script (classic, loaded only where the server allows overrides).
  const boot = await esbuild({
    entryPoints: [join(shellDir, 'src/import-map-overrides.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  const overridesUrl = writeHashed(assets, 'import-map-overrides', '.js', boot.outputFiles[0].contents);
  const cssUrl = writeHashed(assets, 'shell', '.css', readFileSync(join(shellDir, 'src/shell.css')));

  // Icons (content-hashed) and the manifest that names them.
  const icons = {};
  for (const file of readdirSync(join(shellDir, 'public/icons'))) {
    const ext = extname(file);
    icons[file] = writeHashed(
      join(assets, 'icons'),
      file.slice(0, -ext.length),
      ext,
      readFileSync(join(shellDir, 'public/icons', file)),
    );
  }
  const manifest = JSON.parse(readFileSync(join(shellDir, 'public/manifest.webmanifest'), 'utf8'));
  manifest.icons = manifest.icons.map((icon) => ({
    ...icon,
    src: icons[icon.src.replace(/^icons\//, '')] ?? icon.src,
  }));
  writeFileSync(join(dist, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);

  const html = readFileSync(join(shellDir, 'index.html'), 'utf8')
    .replace('%SHELL_CSS%', cssUrl)
    .replace('%SHELL_ENTRY%', `/assets/${entry.fileName}`)
    .replace('%ICON_SVG%', icons['icon.svg'])
    .replace('%ICON_180%', icons['apple-touch-icon.png']);
  writeFileSync(join(dist, 'index.html'), html);

  // The route table, for the server (deep links: 200 or 404, and which package to preload).
  const table = await esbuild({
    entryPoints: [join(shellDir, 'src/routes.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    conditions: ['reel-source'],
    logLevel: 'silent',
  });
  const tmp = join(dist, `.routes-${process.pid}.mjs`);
  writeFileSync(tmp, table.outputFiles[0].contents);
  const { routes } = await import(pathToFileURL(tmp).href);
  rmSync(tmp);
  const shell = {
    entry: `/assets/${entry.fileName}`,
    css: cssUrl,
    overrides: overridesUrl,
    routes: routes.map((r) => ({ name: r.name, path: r.path, module: r.module })),
  };
  writeFileSync(join(dist, 'shell.json'), `${JSON.stringify(shell, null, 2)}\n`);
}

// ─── Element packages ─────────────────────────────────────────────────────────────────────────

/** Each built package under packages/: copied whole into a versioned, content-hashed folder. */
function assemblePackages(imports) {
  rmSync(join(assets, 'packages'), { recursive: true, force: true, maxRetries: 3 });
  const copied = [];
  for (const entry of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, 'packages', entry.name);
    const pkgFile = join(dir, 'package.json');
    const distDir = join(dir, 'dist');
    if (!existsSync(pkgFile) || !existsSync(distDir)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    // What the import map maps: the exports whose default is a built file in dist/.
    const exported = Object.entries(pkg.exports ?? {}).flatMap(([key, target]) => {
      const file = typeof target === 'string' ? target : target?.default;
      return typeof file === 'string' && file.startsWith('./dist/') && file.endsWith('.js')
        ? [[key === '.' ? pkg.name : `${pkg.name}${key.slice(1)}`, file.slice('./dist/'.length)]]
        : [];
    });
    if (exported.length === 0 || !exported.every(([, file]) => existsSync(join(distDir, file)))) continue;
    const files = walk(distDir)
      .map((f) => relative(distDir, f))
      .filter(
        (f) =>
          !/^(standalone|types|\.vite)([\\/]|$)/.test(f) && !f.endsWith('tsbuildinfo') && f !== 'custom-elements.json',
      )
      .sort();
    const digest = createHash('sha256');
    for (const f of files)
      digest
        .update(f)
        .update('\0')
        .update(readFileSync(join(distDir, f)));
    const folder = `${entry.name}@${pkg.version}-${digest.digest('base64url').replace(/[-_]/g, '').slice(0, 10)}`;
    const target = join(assets, 'packages', folder);
    for (const f of files) {
      mkdirSync(dirname(join(target, f)), { recursive: true });
      copyFileSync(join(distDir, f), join(target, f));
    }
    for (const [specifier, file] of exported) imports[specifier] = `/assets/packages/${folder}/${file}`;
    copied.push({ name: pkg.name, version: pkg.version, dir, url: `/assets/packages/${folder}/` });
  }
  return copied;
}

// ─── Shared dependencies ──────────────────────────────────────────────────────────────────────

/** Every static and dynamic import of the given JS files: [{ file, specifier, kind }]. */
async function importsOf(files) {
  const found = [];
  if (files.length === 0) return found;
  await esbuild({
    entryPoints: files,
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    outdir: join(dist, '.scan'),
    plugins: [
      {
        name: 'record-imports',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            found.push({ file: args.importer, specifier: args.path, kind: args.kind });
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return found;
}

/** Always in the import map, even when no built package imports them yet. */
const BASELINE = [
  'lit',
  'lit/decorators.js',
  'lit/directive.js',
  'lit/async-directive.js',
  'lit/static-html.js',
  'lit/directives/class-map.js',
  'lit/directives/if-defined.js',
  'lit/directives/live.js',
  'lit/directives/repeat.js',
  'lit/directives/ref.js',
  'lit/directives/keyed.js',
  'lit/directives/guard.js',
  'lit/directives/until.js',
  'lit/directives/when.js',
  'lit/directives/choose.js',
  'lit/directives/map.js',
  'lit/directives/range.js',
  'lit/directives/cache.js',
  'lit/directives/unsafe-svg.js',
  '@lit/context',
  '@lit/task',
  '@lit/localize',
  'zod',
  'zod/mini',
  'hls.js',
];

/** The package.json (name, version) that a resolved file belongs to. */
function owningPackage(file) {
  let dir = dirname(file);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8'));
      if (pkg.name && pkg.version) return pkg;
    }
    const up = dirname(dir);
    if (up === dir) return { name: 'unknown', version: '0.0.0' };
    dir = up;
  }
}

/**
 * One build of every shared dependency, each specifier an entry: code they share (lit-html
 * under lit and its directives) lands in common chunks, so each library is loaded once.
 */
async function buildVendor(specifiers, importers) {
  rmSync(join(assets, 'vendor'), { recursive: true, force: true, maxRetries: 3 });
  const names = new Map();
  const input = {};
  for (const specifier of specifiers) {
    const name = specifier
      .replace(/^@/, '')
      .replace(/\.js$/, '')
      .replace(/[^a-zA-Z0-9]+/g, '-');
    names.set(name, specifier);
    input[name] = specifier;
  }
  const shellRequire = join(shellDir, 'package.json');
  const output = await viteBuild({
    configFile: false,
    root: shellDir,
    publicDir: false,
    logLevel: 'warn',
    resolve: { conditions: ['browser', 'module', 'import', 'default', 'production'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        // A package may import a library the shell does not depend on: resolve it from there.
        name: 'reel-vendor-resolve',
        async resolveId(source, importer, options) {
          if (importer || !isBare(source)) return null;
          const tried = await this.resolve(source, shellRequire, { ...options, skipSelf: true });
          if (tried) return tried;
          for (const dir of importers.get(source) ?? []) {
            const found = await this.resolve(source, join(dir, 'package.json'), { ...options, skipSelf: true });
            if (found) return found;
          }
          return null;
        },
      },
    ],
    build: {
      outDir: join(assets, 'vendor'),
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2048,
      copyPublicDir: false,
      rollupOptions: {
        input,
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: (chunk) => {
            const pkg = chunk.facadeModuleId ? owningPackage(chunk.facadeModuleId) : { name: 'shared', version: '0' };
            const base = chunk.name.replace(pkg.name.replace(/^@/, '').replace(/[^a-zA-Z0-9]+/g, '-'), '') || 'index';
            return `${pkg.name.replace(/^@/, '').replace('/', '-')}@${pkg.version}/${base.replace(/^-/, '')}-[hash].js`;
          },
          chunkFileNames: 'shared/[name]-[hash].js',
        },
      },
    },
  });
  const imports = {};
  for (const chunk of (Array.isArray(output) ? output : [output]).flatMap((o) => o.output)) {
    if (chunk.type === 'chunk' && chunk.isEntry) imports[names.get(chunk.name)] = `/assets/vendor/${chunk.fileName}`;
  }
  return imports;
}

// ─── Import map, graph, compression ───────────────────────────────────────────────────────────

async function assemble() {
  mkdirSync(assets, { recursive: true });
  const shell = JSON.parse(readFileSync(join(dist, 'shell.json'), 'utf8'));
  const imports = {};
  const packages = assemblePackages(imports);

  // Bare specifiers used by the shell and the packages, and which package dirs import each.
  const ownFiles = walk(assets).filter((f) => f.endsWith('.js') && !f.includes(`${sep}vendor${sep}`));
  const found = await importsOf(ownFiles);
  const importers = new Map();
  for (const { file, specifier } of found) {
    if (!isBare(specifier) || specifier in imports) continue;
    const pkg = packages.find((p) => file.startsWith(join(dist, p.url)));
    const list = importers.get(specifier) ?? new Set();
    if (pkg) list.add(pkg.dir);
    importers.set(specifier, list);
  }
  const unmapped = [...importers.keys()].filter((s) => s.startsWith('@reel/'));
  if (unmapped.length) console.warn(`! not built, not in the import map: ${unmapped.join(', ')}`);
  const specifiers = [...new Set([...BASELINE, ...importers.keys()])].filter((s) => !s.startsWith('@reel/')).sort();
  Object.assign(imports, await buildVendor(specifiers, importers));

  // The static graph of every module (URL → URLs it imports statically), for modulepreload.
  const all = walk(assets).filter((f) => f.endsWith('.js'));
  const edges = await importsOf(all);
  const graph = {};
  for (const { file, specifier, kind } of edges) {
    if (kind !== 'import-statement') continue;
    const from = toUrl(file);
    const to = isBare(specifier) ? imports[specifier] : new URL(specifier, `http://x${from}`).pathname;
    if (!to) continue;
    graph[from] = [...(graph[from] ?? []), to];
  }
  for (const key of Object.keys(graph)) graph[key] = [...new Set(graph[key])];

  const sorted = Object.fromEntries(Object.entries(imports).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(dist, 'importmap.json'), `${JSON.stringify({ imports: sorted }, null, 2)}\n`);
  const site = {
    ...shell,
    importMap: { imports: sorted },
    graph,
    packages: packages.map(({ name, version, url }) => ({ name, version, url })),
  };
  writeFileSync(join(dist, 'site.json'), `${JSON.stringify(site)}\n`);

  // Pre-compressed copies for the server (brotli and gzip), for text assets worth compressing.
  for (const file of walk(assets)) {
    if (!/\.(js|css|json|svg|map)$/.test(file) || statSync(file).size < 1024) continue;
    const data = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 10 } }));
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  }
  rmSync(join(dist, '.scan'), { recursive: true, force: true });
  const vendorCount = Object.keys(imports).filter((k) => !k.startsWith('@reel/')).length;
  console.log(
    `built @reel/shell${importMapOnly ? ' (import map only)' : ''}: ${packages.length} packages (${packages
      .map((p) => p.name.replace('@reel/', ''))
      .join(', ')}), ${vendorCount} shared specifiers, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (!importMapOnly || !existsSync(join(dist, 'shell.json'))) await buildShell();
await assemble();
