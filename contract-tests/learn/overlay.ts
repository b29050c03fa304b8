/**
 * Applying an OpenAPI Overlay (1.0) to the contract: a tenant's contract is the contract plus its overlay. The
 * applier is openapi-format's `openapiOverlay`, a maintained implementation of the specification; an action that
 * matches nothing is an error here, not a silent no-op.
 */
import { readFileSync } from 'node:fs';
import { openapiOverlay } from 'openapi-format';
import { parse } from 'yaml';

interface Action {
  target?: unknown;
  update?: unknown;
  remove?: unknown;
}

/** Reads an overlay file, YAML or JSON, refusing by name what cannot be read. */
function readOverlay(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as an overlay (${(error as Error).message})`);
  }
}

/** The document with the overlay applied (the document itself is left as it was). */
export async function applyOverlay<T extends object>(document: T, overlay: unknown, name = 'the overlay'): Promise<T> {
  const doc = overlay as { overlay?: unknown; actions?: unknown } | null;
  if (!doc || typeof doc !== 'object' || typeof doc.overlay !== 'string' || !/^1\.[01]\.\d+$/.test(doc.overlay))
    throw new Error(`${name}: not an OpenAPI Overlay 1.0 document (its "overlay" field must be a version such as 1.0.0)`);
  if (!Array.isArray(doc.actions)) throw new Error(`${name}: "actions" must be a list`);
  (doc.actions as Action[]).forEach((a, i) => {
    if (!a || typeof a.target !== 'string' || !a.target.startsWith('$')) throw new Error(`${name}: action ${i + 1} has no JSONPath "target"`);
    if (a.update === undefined && a.remove !== true) throw new Error(`${name}: action ${i + 1} (${a.target}) neither updates nor removes`);
  });
  const { data, resultData } = await openapiOverlay(structuredClone(document) as Parameters<typeof openapiOverlay>[0], {
    overlaySet: doc as Parameters<typeof openapiOverlay>[1]['overlaySet'],
  });
  const unused = (resultData.unusedActions ?? []) as Action[];
  if (unused.length) throw new Error(`${name}: ${unused.length} action(s) match nothing in the contract: ${unused.map((a) => a.target).join(', ')}`);
  return data as T;
}

/** The document with the overlay in `file` applied: what `--overlay FILE` means wherever it is taken. */
export async function withOverlayFile<T extends object>(document: T, file: string): Promise<T> {
  return applyOverlay(document, readOverlay(file), file);
}
