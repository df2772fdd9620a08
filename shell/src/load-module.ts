// Loading an element package by its bare specifier, through the page's import map.

/** The package is not in the import map: its route shows "coming soon". */
export class ModuleMissingError extends Error {
  constructor(readonly specifier: string) {
    super(`${specifier} is not in the import map`);
    this.name = 'ModuleMissingError';
  }
}

/** Loads a module by specifier; `attempt` > 0 on a retry. */
export type ModuleLoader = (specifier: string, attempt: number) => Promise<unknown>;

/**
 * Where the import map sends `specifier`, or null when it does not map it (the package is not
 * deployed). `import.meta.resolve` reads every import map of the page, overrides included.
 */
export function resolveSpecifier(specifier: string): string | null {
  try {
    return import.meta.resolve(specifier);
  } catch {
    return null;
  }
}

/**
 * The default loader: the import map's URL for the specifier. A retry adds `?reel-retry=<n>`,
 * because the browser remembers a module that failed to fetch or to evaluate under its URL; only
 * that one module is fetched again, its dependencies stay shared.
 */
export const importMapLoader: ModuleLoader = (specifier, attempt) => {
  const url = resolveSpecifier(specifier);
  if (url === null) return Promise.reject(new ModuleMissingError(specifier));
  const target = attempt > 0 ? `${url}${url.includes('?') ? '&' : '?'}reel-retry=${attempt}` : url;
  return import(/* @vite-ignore */ target);
};
