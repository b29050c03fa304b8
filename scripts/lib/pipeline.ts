/**
 * The generation pipeline: openapi/ (hand-written, OpenAPI 3.1) -> everything under generated/.
 * Each step reads the bundle, never the multi-file source, so every tool sees the same document.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { Converter } from '@apiture/openapi-down-convert';
import { run } from './run.js';

const SOURCE = 'openapi/openapi.yaml';
const bin = (name: string) => join('node_modules', '.bin', name);

/** openapi/ -> openapi.json: one self-contained file, components named after their files. */
function bundle(outDir: string): string {
  const out = join(outDir, 'openapi.json');
  run(bin('redocly'), ['bundle', SOURCE, '--ext', 'json', '-o', out]);
  // Pretty, stable JSON with a final newline, so diffs of generated/ read well.
  writeFileSync(out, JSON.stringify(JSON.parse(readFileSync(out, 'utf8')), null, 2) + '\n');
  return out;
}

/** openapi.json -> schema.d.ts: the types the SDK (src/) is written against. */
async function typescriptTypes(bundlePath: string, outDir: string): Promise<string> {
  const out = join(outDir, 'schema.d.ts');
  const ast = await openapiTS(pathToFileURL(bundlePath), { silent: true });
  writeFileSync(out, astToString(ast));
  return out;
}

/**
 * openapi.json -> openapi-3.0.json, only for openapi-generator, whose offline JAR (5.0.0-beta2) cannot read 3.1.
 * The converter leaves `info.summary` (3.1 only), which that generator rejects: drop it here.
 */
function downConvert(bundlePath: string, outDir: string): string {
  const out = join(outDir, 'openapi-3.0.json');
  const doc = JSON.parse(readFileSync(bundlePath, 'utf8'));
  const converted = new Converter(doc, { allOfTransform: false }).convert() as { info: Record<string, unknown> };
  delete converted.info.summary;
  writeFileSync(out, JSON.stringify(converted, null, 2) + '\n');
  return out;
}

/**
 * openapi-3.0.json -> openapi-generator-client/: the classic generated client (typescript-fetch), run offline
 * through @openapitools/openapi-generator-cli with the JAR that openapitools.json points at.
 */
function generatorClient(spec30Path: string, outDir: string): string {
  const out = join(outDir, 'openapi-generator-client');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run(bin('openapi-generator-cli'), [
    'generate',
    '--generator-name',
    'typescript-fetch',
    '--input-spec',
    spec30Path,
    '--output',
    out,
    // typescriptThreePlus: the only mode of this generator version that compiles under TypeScript 5.
    '--additional-properties',
    'typescriptThreePlus=true,supportsES6=true,hideGenerationTimestamp=true',
  ]);
  return out;
}

/** Runs every step into outDir and returns what it wrote. */
export async function generateAll(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const bundlePath = bundle(outDir);
  const types = await typescriptTypes(bundlePath, outDir);
  const spec30 = downConvert(bundlePath, outDir);
  const client = generatorClient(spec30, outDir);
  return [bundlePath, types, spec30, client + '/'];
}
