/**
 * RFC 8259 §4 leaves an object with a repeated member name to the parser: `JSON.parse` keeps the
 * last one, other parsers the first or both. A registry must not sign what a second reader of the
 * same bytes would read differently, so such a body is refused (see read-json.ts).
 */

type Frame =
  | { kind: 'object'; names: Set<string>; name?: string; expectName: boolean }
  | { kind: 'array'; index: number };

/**
 * The dotted path of the first member name that appears twice in one object of `text`
 * (`type`, `guardian.iin`, `items.0.id`), or `undefined` when there is none. Names are compared
 * after their escapes are decoded, so `"\u0074ype"` repeats `"type"`. `text` must already be
 * well-formed JSON (it is parsed first): the scan only follows strings, brackets and commas.
 */
export function duplicateKeyPath(text: string): string | undefined {
  const stack: Frame[] = [];

  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    const frame = stack.at(-1);

    if (character === '"') {
      const end = stringEnd(text, at);
      if (frame?.kind === 'object' && frame.expectName) {
        const name = JSON.parse(text.slice(at, end + 1)) as string;
        if (frame.names.has(name)) return [...pathTo(stack), name].join('.');
        frame.names.add(name);
        frame.name = name;
        frame.expectName = false;
      }
      at = end;
    } else if (character === '{') {
      stack.push({ kind: 'object', names: new Set(), expectName: true });
    } else if (character === '[') {
      stack.push({ kind: 'array', index: 0 });
    } else if (character === '}' || character === ']') {
      stack.pop();
    } else if (character === ',' && frame?.kind === 'object') {
      frame.expectName = true;
    } else if (character === ',' && frame?.kind === 'array') {
      frame.index++;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opening at `start`; escapes are skipped. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at;
}

/** Where the innermost open object sits: the member names and array indexes leading to it. */
function pathTo(stack: readonly Frame[]): string[] {
  return stack
    .slice(0, -1)
    .map((frame) => (frame.kind === 'object' ? (frame.name ?? '') : String(frame.index)));
}
