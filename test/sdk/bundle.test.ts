/**
 * What the SDK's bundle loads when (the bench reports the sizes): the entry holds the whole core (failure handling,
 * redaction, log lines, paging, request validation and its schemas); only jose's signer and each operation's answer
 * schema are loaded later, each answer schema a chunk of its own.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import spec from '../../generated/openapi.json';
import { sharedOptions } from '../../scripts/build-sdk.js';

const result = await build({
  ...sharedOptions,
  format: 'esm',
  splitting: true,
  minify: true,
  write: false,
  outdir: '/bundle',
  external: ['jose', 'openapi-fetch'],
  metafile: true,
});
const outputs = result.metafile.outputs;
const text = (p: string) => result.outputFiles.find((f) => f.path.endsWith(p.replace(/^.*\//, '/')))!.text;
const entry = Object.keys(outputs).find((p) => outputs[p]!.entryPoint == 'src/index.ts')!;
const staticImports = (p: string): string[] =>
  outputs[p]!.imports.filter((i) => i.kind == 'import-statement' && !i.external).flatMap((i) => [i.path, ...staticImports(i.path)]);
const entryText = [entry, ...staticImports(entry)].map(text).join('\n');
const lazyImports = Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind == 'dynamic-import').map((i) => i.path));
const operationIds = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((o: { operationId?: string }) => o.operationId ?? []),
) as string[];

describe('the bundle', () => {
  it('the entry holds failure handling, redaction, log lines, paging and request validation', () => {
    for (const present of ['[redacted]', 'POST attempt', 'is not allowed', 'hasMore', 'RateLimitError', 'minLength'])
      expect(entryText).toContain(present);
  });

  it("only jose's signer and the answer schemas are loaded with import()", () => {
    expect(lazyImports.filter((p) => !/-response-[A-Z0-9]{8}\.js$/.test(p))).toEqual(['jose/jwt/sign']);
    expect(lazyImports).toHaveLength(operationIds.length + 1);
  });

  it("each operation's response schema is a chunk of its own", () => {
    const chunks = operationIds.map((op) => Object.keys(outputs).filter((p) => `schema-data:${op}-response` in outputs[p]!.inputs));
    expect(operationIds).toHaveLength(6);
    for (const found of chunks) {
      expect(found).toHaveLength(1);
      expect(Object.keys(outputs[found[0]!]!.inputs)).toHaveLength(1); // that schema alone
    }
  });
});
