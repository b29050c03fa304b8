/**
 * What the SDK's bundle loads when (the bench reports the sizes): the entry holds what a successful call needs, and
 * nothing of the redactor, the log lines, the validator or any schema; each operation's request and response schema
 * is a chunk of its own, so a first createTask loads createTask's request schema alone.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import spec from '../../generated/openapi.json';
import { sharedOptions } from '../../scripts/build-sdk.js';

const result = await build({ ...sharedOptions, format: 'esm', splitting: true, minify: true, write: false, outdir: '/bundle', external: ['jose', 'openapi-fetch'], metafile: true });
const outputs = result.metafile.outputs;
const text = (p: string) => result.outputFiles.find((f) => f.path.endsWith(p.replace(/^.*\//, '/')))!.text;
const entry = Object.keys(outputs).find((p) => outputs[p]!.entryPoint == 'src/index.ts')!;
const staticImports = (p: string): string[] => outputs[p]!.imports.filter((i) => i.kind == 'import-statement' && !i.external).flatMap((i) => [i.path, ...staticImports(i.path)]);
const entryText = [entry, ...staticImports(entry)].map(text).join('\n');
const operationIds = Object.values(spec.paths).flatMap((item) => Object.values(item).flatMap((o: { operationId?: string }) => o.operationId ?? [])) as string[];

describe('the bundle', () => {
  it('the entry has the success path only: no redactor, log lines, validator or schema', () => {
    expect(entryText).toContain('content-length'); // the response cap's fast path (a control: the text is the entry's)
    for (const absent of ['[redacted]', 'POST attempt', 'is not allowed', 'must match one of its allowed forms', 'minLength'])
      expect(entryText).not.toContain(absent);
  });

  for (const which of ['request', 'response'])
    it(`each operation's ${which} schema is a chunk of its own`, () => {
      const chunks = operationIds.map((op) => Object.keys(outputs).filter((p) => `schema-data:${op}-${which}` in outputs[p]!.inputs));
      expect(operationIds).toHaveLength(6);
      for (const found of chunks) {
        expect(found).toHaveLength(1);
        expect(Object.keys(outputs[found[0]!]!.inputs)).toHaveLength(1); // that schema alone
      }
    });
});
