const GLOB_CHARACTERS = /[*?[]/;
const REGEXP_SPECIALS = /[.*+?^${}()|[\]\\/]/g;

/** True when a path holds glob characters: `*`, `?` or `[`. */
export function isGlobPattern(path: string): boolean {
  return GLOB_CHARACTERS.test(path);
}

/**
 * Compiles a glob over `/`-separated relative paths: `*` and `?` match within one path
 * segment, a `**` segment matches any number of segments, `[a-z]` and `[!a-z]` match one
 * character of (or outside) a set. Names starting with a dot are matched like any other.
 */
export function globToRegExp(pattern: string): RegExp {
  const segments = pattern.split('/');
  const source = segments
    .map((segment, index) => {
      const last = index === segments.length - 1;
      if (segment === '**') return last ? '.*' : '(?:[^/]+/)*';
      return segmentSource(segment) + (last ? '' : '/');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

function segmentSource(segment: string): string {
  let source = '';
  for (let index = 0; index < segment.length; index += 1) {
    const char = segment[index];
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = classEnd(segment, index);
      if (end === -1) source += '\\[';
      else {
        source += classSource(segment.slice(index + 1, end));
        index = end;
      }
    } else source += char.replace(REGEXP_SPECIALS, '\\$&');
  }
  return source;
}

// The index of the `]` closing the class opened at `start`; a `]` right after `[` or `[!`
// belongs to the set.
function classEnd(segment: string, start: number): number {
  let first = start + 1;
  if (segment[first] === '!' || segment[first] === '^') first += 1;
  return segment.indexOf(']', first + 1);
}

function classSource(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
  return negated ? `[^/${members}]` : `[${members}]`;
}
