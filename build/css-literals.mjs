// Squeezes the static text of Lit's css`…` literals in our own sources at build time: comments
// and indentation out, no spaces around `{`, `}` and `;`. Minifiers leave template literals alone,
// and the styles are a good part of an element's bytes (the player's budget is 14 KB min+gzip).
// Line breaks stay, so source maps keep their lines. A part holding quotes is left as it is
// (`content: '  '` must not change); `${…}` interpolations are copied through untouched.

const squeeze = (text) =>
  /["'`\\]/.test(text)
    ? text
    : text
        .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
        .replace(/\n[ \t]+/g, '\n')
        .replace(/[ \t]*([{};])[ \t]*/g, '$1');

/** The module's source with every css`…` literal squeezed. */
export function squeezeCssLiterals(code) {
  let out = '';
  let from = 0;
  for (let start = code.indexOf('css`'); start >= 0; start = code.indexOf('css`', from)) {
    out += code.slice(from, start + 4);
    from = start + 4;
    if (/[\w$.]/.test(code[start - 1] ?? '')) continue;
    let i = from;
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        out += squeeze(text);
        text = '';
        let depth = 0;
        let j = i;
        do {
          if (code[j] === '{') depth++;
          else if (code[j] === '}') depth--;
          j++;
        } while (depth > 0 && j < code.length);
        out += code.slice(i, j);
        i = j;
      } else {
        text += code[i++];
      }
    }
    out += `${squeeze(text)}\``;
    from = i + 1;
  }
  return out + code.slice(from);
}

const OWN_SOURCE = /[\\/](packages|shell)[\\/][^\\/]+[\\/]src[\\/].*\.ts$/;

/** As a Vite/Rolldown plugin (element builds). */
export function cssLiteralsPlugin() {
  return {
    name: 'reel-css-literals',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      return OWN_SOURCE.test(file) && code.includes('css`') ? { code: squeezeCssLiterals(code), map: null } : null;
    },
  };
}

/** As an esbuild plugin (the size budgets measure what the build ships). */
export function cssLiteralsEsbuildPlugin() {
  return {
    name: 'reel-css-literals',
    setup(build) {
      build.onLoad({ filter: /[\\/](packages|shell)[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const code = await readFile(args.path, 'utf8');
        if (!code.includes('css`')) return undefined;
        return { contents: squeezeCssLiterals(code), loader: 'ts' };
      });
    },
  };
}
