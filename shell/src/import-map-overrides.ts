// Import-map overrides for development and QA (a classic script, loaded only when the server
// allows overrides; it runs before the page's import map is parsed). A developer points one
// package at a local build on the deployed site:
//
//   localStorage['reel.importMapOverrides'] = JSON.stringify({ '@reel/home/define': 'http://localhost:4173/dist/define.js' })
//   or open /?reel-override=@reel/home/define=http://localhost:4173/dist/define.js  (remembered)
//   /?reel-override=@reel/home/define=  removes one, /?reel-overrides-reset removes all.
//
// Only URLs on this origin or on the origins the server allows (`data-origins`, also in the page's
// Content-Security-Policy) are used. The overrides go into an import map placed before the site's
// own, so they win (with several import maps, the first rule for a specifier is kept).

(() => {
  const KEY = 'reel.importMapOverrides';
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const patterns = (script.dataset.origins ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
  const allowed = (value: string): string | null => {
    try {
      const url = new URL(value, location.href);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      return url.origin === location.origin || patterns.some((p) => p.test(url.origin)) ? url.href : null;
    } catch {
      return null;
    }
  };

  let overrides: Record<string, string> = {};
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (saved && typeof saved === 'object') overrides = saved as Record<string, string>;
  } catch {
    overrides = {};
  }
  const params = new URLSearchParams(location.search);
  const touched = params.has('reel-override') || params.has('reel-overrides-reset');
  if (params.has('reel-overrides-reset')) overrides = {};
  for (const entry of params.getAll('reel-override')) {
    const at = entry.indexOf('=', 1);
    if (at < 0) continue;
    const specifier = entry.slice(0, at);
    const url = entry.slice(at + 1);
    if (url) overrides[specifier] = url;
    else delete overrides[specifier];
  }
  const imports: Record<string, string> = {};
  for (const [specifier, value] of Object.entries(overrides)) {
    const url = typeof value === 'string' ? allowed(value) : null;
    if (url) imports[specifier] = url;
    else console.warn(`[reel] import map override for ${specifier} ignored: ${String(value)} is not an allowed origin`);
  }
  try {
    if (Object.keys(overrides).length > 0) localStorage.setItem(KEY, JSON.stringify(overrides));
    else localStorage.removeItem(KEY);
  } catch {
    // Not remembered; still used for this page.
  }
  if (touched) {
    params.delete('reel-override');
    params.delete('reel-overrides-reset');
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }
  const entries = Object.entries(imports);
  (window as unknown as { __reelImportMapOverrides: string[] }).__reelImportMapOverrides = entries.map(
    ([specifier, url]) => `${specifier} → ${url}`,
  );
  if (entries.length === 0) return;
  const json = JSON.stringify({ imports });
  const map = document.createElement('script');
  map.type = 'importmap';
  map.nonce = script.nonce ?? '';
  const tt = (
    window as unknown as {
      trustedTypes?: {
        createPolicy(name: string, rules: { createScript(s: string): string }): { createScript(s: string): string };
      };
    }
  ).trustedTypes;
  // The script text is the JSON built above from allowed URLs only.
  map.textContent = tt
    ? (tt.createPolicy('reel-import-map-overrides', { createScript: () => json }).createScript('') as unknown as string)
    : json;
  script.after(map);
  console.info(`[reel] import map overrides in force:\n  ${entries.map(([s, u]) => `${s} → ${u}`).join('\n  ')}`);
})();
