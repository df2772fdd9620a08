// Reading a watchlist import file: where a JSON syntax error is, and where the value at a path
// (`items[3].title_id`) starts, as line and column, so the 422 can point at the place at fault.

/** Line and column (both 1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

type Path = readonly (string | number)[];

class Stop extends Error {
  constructor(readonly offset: number) {
    super('stop');
  }
}

/**
 * Scans JSON text. Returns the offset of the first syntax error (or null when the text is valid),
 * and the offset where the value at `target` starts, when asked and present (the closest enclosing
 * value that exists otherwise).
 */
export function scanJson(text: string, target?: Path): { error: number | null; found: number | null } {
  let i = 0;
  let found: number | null = null;
  let depthMatched = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const matches = (path: Path) => {
    if (!target || path.length > target.length) return false;
    for (let k = 0; k < path.length; k++) if (path[k] !== target[k]) return false;
    return true;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else if ((c as string).charCodeAt(0) < 0x20) fail();
      else i++;
    }
    fail();
  };
  const value = (path: Path): void => {
    ws();
    if (matches(path) && path.length >= depthMatched) {
      found = i;
      depthMatched = path.length;
    }
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const keyStart = i;
        string();
        const key = JSON.parse(text.slice(keyStart, i)) as string;
        ws();
        if (text[i] !== ':') fail();
        i++;
        value([...path, key]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value([...path, n]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += (m as RegExpExecArray)[0].length;
    } else {
      for (const word of ['true', 'false', 'null']) {
        if (text.startsWith(word, i)) {
          i += word.length;
          return;
        }
      }
      fail();
    }
  };
  try {
    // A byte order mark is allowed before the value.
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value([]);
    ws();
    if (i < text.length) fail();
    return { error: null, found };
  } catch (e) {
    if (e instanceof Stop) return { error: e.offset, found };
    throw e;
  }
}
