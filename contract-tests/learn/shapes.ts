/**
 * Id shapes: what an id looks like (its prefix, then each dash-separated group's kind of character and length),
 * and a synthetic id of that shape. A learned contract shows shapes as examples made up here, never a tenant's
 * own ids, and never narrows a pattern to them: ids stay opaque.
 */
const kinds = [
  { name: 'digits', test: /^\d+$/, fill: '1234567890' },
  { name: 'hex', test: /^[0-9a-f]+$/, fill: '0a1b2c3d4e5f6789' },
  { name: 'HEX', test: /^[0-9A-F]+$/, fill: '0A1B2C3D4E5F6789' },
  { name: 'alnum', test: /^[A-Za-z0-9]+$/, fill: 'a0B1c2D3e4F5g6H7' },
];

/**
 * `ti-` + `hex8-hex4-hex4-hex4-hex12` for a whole UUID after the prefix; `CS` + `digits6` for `CS000123`. The kind
 * of character is the whole id's (a UUID group that happens to be all digits is still hex).
 */
export function shapeOf(id: string): string {
  const prefix = /^([A-Za-z]+-|[A-Z]+(?=\d))/.exec(id)?.[1] ?? '';
  const groups = id.slice(prefix.length).split('-');
  const kind = kinds.find((k) => groups.every((g) => k.test.test(g)))?.name ?? 'other';
  return prefix + groups.map((g) => `${kind}${g.length}`).join('-');
}

/** The shape of a documented example: its `xxxx` mask stands for hex digits (documentation, not a format). */
export const exampleShapeOf = (example: string) => shapeOf(example.replace(/x{2,}$/, (mask) => '0'.repeat(mask.length)));

/** An id of the shape, made of filler characters: it shows the shape and holds nothing of the tenant's. */
export function syntheticId(shape: string): string {
  const prefix = /^([A-Za-z]+-|[A-Z]+(?=[a-z]))/.exec(shape)?.[1] ?? '';
  return (
    prefix +
    shape
      .slice(prefix.length)
      .split('-')
      .map((group) => {
        const [, kind, length] = /^([A-Za-z]+)(\d+)$/.exec(group) ?? [];
        const fill = kinds.find((k) => k.name === kind)?.fill ?? 'x';
        return fill.repeat(Math.ceil(Number(length) / fill.length)).slice(0, Number(length));
      })
      .join('-')
  );
}
