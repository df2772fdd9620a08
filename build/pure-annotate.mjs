// Marks the schema-building calls of the contract as pure (`/* @__PURE__ */`), so a bundler can
// drop every schema and endpoint an element does not use. Zod builds schemas by calling functions
// at module level, and a bundler must assume a call has side effects unless told otherwise.
//
// Only the contract's declarative modules are rewritten (schemas, endpoint definitions, common
// wire types): there, every call in expression position builds a value.

const DECLARATIVE = /[\\/]packages[\\/]contracts[\\/]src[\\/](schemas[\\/][^\\/]+|endpoints[\\/][^\\/]+|common)\.ts$/;

/** True for the files {@link annotatePure} applies to. */
export const isDeclarativeContractFile = (id) => DECLARATIVE.test(id.split('?')[0]);

// A call in expression position: after `=`, `(`, `,`, `:`, `[`, `=>`, `...` or `?`.
const CALL_IN_EXPRESSION = /(?<=(?:[=(,:[?]|=>|\.\.\.)\s*)((?:z(?:\.\w+)+|[A-Za-z_$][\w$]*)\()/g;
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'new', 'await']);

// A property read of an imported vocabulary or schema (`Auth.optional`, `Filters.def.shape`):
// bundlers assume a read may run a getter, which would keep the whole definition alive.
const PROPERTY_READ = /(?<=(?:[=(,:[?]|=>|\.\.\.)\s*)([A-Z][\w$]*(?:\.[\w$]+)+)(?![\w$(])/g;

/** Inserts `/* @__PURE__ *\/` before every call in expression position of a contract module. */
export function annotatePure(code) {
  return code
    .replace(PROPERTY_READ, (read) => `/* @__PURE__ */ (() => ${read})()`)
    .replace(CALL_IN_EXPRESSION, (call) => {
      const name = call.slice(0, -1);
      return KEYWORDS.has(name) ? call : `/* @__PURE__ */ ${call}`;
    });
}

/** The same, as a Vite/Rolldown plugin. */
export function pureContractPlugin() {
  return {
    name: 'reel-pure-contract',
    enforce: 'pre',
    transform(code, id) {
      return isDeclarativeContractFile(id) ? { code: annotatePure(code), map: null } : null;
    },
  };
}

/** The same, as an esbuild plugin. */
export function pureContractEsbuildPlugin() {
  return {
    name: 'reel-pure-contract',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/]contracts[\\/]src[\\/].*\.ts$/ }, async (args) => {
        if (!isDeclarativeContractFile(args.path)) return undefined;
        const { readFile } = await import('node:fs/promises');
        return { contents: annotatePure(await readFile(args.path, 'utf8')), loader: 'ts' };
      });
    },
  };
}
