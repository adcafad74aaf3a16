/** JSON paths for messages: `$.nodes[3].params.kernel_size`, `$.params["weird key"]`. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && IDENTIFIER.test(s)) out += `.${s}`;
    // Quoted so that keys with dots, brackets or spaces cannot be mistaken for path structure.
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}
