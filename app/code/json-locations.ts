/**
 * Where each value of a JSON text sits, by the JSON path the engine's issues use (`$.nodes[3].params.stride`,
 * engine/graph/json-path.ts), so that a problem found in the parsed document can be marked in the text. Call it only
 * on text that JSON.parse accepted: the scanner assumes valid JSON and does not re-check it.
 */
import { jsonPath } from '../../engine/graph/json-path.ts';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Every value's anchor by path: a scalar's own text; an object or array member's key (a whole container would mark
 * many lines); an array element's opening bracket.
 */
export function jsonLocations(text: string): Map<string, TextRange> {
  const locations = new Map<string, TextRange>();
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    i++; // the opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const value = (segments: PropertyKey[], memberKey: TextRange | undefined) => {
    skipSpace();
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      locations.set(jsonPath(segments), memberKey ?? { start, end: start + 1 });
      i++;
      skipSpace();
      for (let index = 0; text[i] !== (c === '{' ? '}' : ']'); index++) {
        if (c === '{') {
          const keyStart = i;
          skipString();
          const keyRange = { start: keyStart, end: i };
          const key = JSON.parse(text.slice(keyStart, i)) as string;
          skipSpace();
          i++; // the colon
          value([...segments, key], keyRange);
        } else {
          value([...segments, index], undefined);
        }
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
      return;
    }
    if (c === '"') skipString();
    else while (i < text.length && /[^\s,\]}]/.test(text[i]!)) i++;
    locations.set(jsonPath(segments), { start, end: i });
  };
  value([], undefined);
  return locations;
}

/** The anchor of `path`, or of its nearest ancestor present in the text (a missing key marks its object). */
export function locatePath(locations: ReadonlyMap<string, TextRange>, path: string): TextRange | undefined {
  let best: { readonly path: string; readonly range: TextRange } | undefined;
  for (const [candidate, range] of locations) {
    const within = path === candidate || path.startsWith(`${candidate}.`) || path.startsWith(`${candidate}[`);
    if (within && (!best || candidate.length > best.path.length)) best = { path: candidate, range };
  }
  return best?.range;
}
