/**
 * The chunk graph of a bundle, in terms esbuild and Vite (Rolldown) share: which file is the entry, what each lazy
 * chunk holds and when the SDK loads it, and the bytes of what a first call fetches.
 */
import type { Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import spec from '../generated/openapi.json';

/** The contract's operationIds: each has an answer schema chunk (scripts/build-sdk.ts: schemaDataPlugin). */
export const operationIds: string[] = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((o: { operationId?: string }) => o.operationId ?? []),
);

/** The lazily loaded parts of the SDK, by module name (an answer schema chunk: `schema-data:<op>-response`), and when each is loaded. */
export const loadedWhen: Record<string, string> = {
  jose: 'first request of a client given clientId/clientSecret (the signer)',
};
for (const op of operationIds) loadedWhen[`schema-data:${op}-response`] = `first ${op} answer read with validateResponses: true: its answer schema`;

/**
 * The lazy part a source module names: an answer schema chunk's virtual module `schema-data:<op>-response`, or in
 * dist/ `chunks/<op>-response-<hash>.js`.
 */
export function partOf(module: string): string | undefined {
  const name = /^schema-data:(\w+-response)$/.exec(module)?.[1] ?? /(?:^|\/)dist\/chunks\/(\w+-response)-[A-Z0-9]{8}\.js$/.exec(module)?.[1];
  return name && `schema-data:${name}` in loadedWhen ? `schema-data:${name}` : undefined;
}

/** One output file of a bundler, in the terms both bundlers share. */
export interface Chunk {
  file: string;
  code: Uint8Array;
  entry: boolean;
  imports: string[]; // static, to other chunks
  modules: string[]; // source modules with code in this chunk
}

/** Bytes of some files: minified, gzip with each file compressed on its own (as served), and gzip as one stream. */
export type Size = { minified: number; files: number; gzip: number; gzipAsOne: number };
const sizeOf = (chunks: Chunk[]): Size => ({
  minified: chunks.reduce((n, c) => n + c.code.length, 0),
  files: chunks.length,
  gzip: chunks.reduce((n, c) => n + gzipSync(c.code).length, 0),
  gzipAsOne: gzipSync(Buffer.concat(chunks.map((c) => c.code))).length,
});

/** A chunk's name: the lazy part of the SDK it holds (see loadedWhen), jose, the entry, or a shared chunk. */
function nameOf(chunk: Chunk, all: Chunk[]): string {
  if (chunk.entry) return 'entry';
  if (chunk.modules.length > 0 && chunk.modules.every((m) => /node_modules\/jose\//.test(m))) return 'jose';
  for (const m of chunk.modules) {
    const lazy = partOf(m);
    if (lazy) return lazy;
  }
  const users = all
    .filter((c) => c.imports.includes(chunk.file))
    .map((c) => nameOf(c, all))
    .sort();
  if (users.length > 0) return `shared by ${users.join(', ')}`;
  return `unlabelled (${chunk.modules.map((m) => m.split('/').pop()).join(', ')}): name it in loadedWhen`;
}

/** A chunk and every chunk it imports statically (what loading it fetches). */
export function closure(file: string, all: Chunk[], seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of all.find((c) => c.file == file)!.imports) closure(i, all, seen);
  return seen;
}

export interface Described {
  entry: Size;
  lazy: ({ name: string; when: string } & Size)[];
  firstCall: Size;
  jose: (Size & { loadedFirst: boolean }) | undefined;
}

/** Entry (with its static imports), each lazy chunk, and what a first createTask loads: the entry plus the `firstLoads` parts. */
export function describeBundle(chunks: Chunk[], firstLoads: string[]): Described {
  const entry = chunks.find((c) => c.entry)!;
  const entryFiles = closure(entry.file, chunks);
  const pick = (files: Set<string>) => chunks.filter((c) => files.has(c.file));
  const named = chunks.map((c) => ({ chunk: c, name: nameOf(c, chunks) }));
  for (const part of firstLoads)
    if (!named.some((n) => n.name == part)) throw new Error(`bench: no chunk holds ${part}: has the SDK renamed it? (see loadedWhen)`);
  const first = new Set(entryFiles);
  for (const { chunk, name } of named) if (firstLoads.includes(name)) for (const f of closure(chunk.file, chunks)) first.add(f);
  const jose = named.filter((n) => n.name == 'jose').map((n) => n.chunk);
  const firstChunks = pick(first);
  return {
    entry: sizeOf(pick(entryFiles)),
    lazy: named
      .filter(({ chunk }) => !entryFiles.has(chunk.file))
      .map(({ chunk, name }) => ({ name, when: loadedWhen[name] ?? name.replace('shared by', 'first load of'), ...sizeOf([chunk]) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    firstCall: sizeOf(firstChunks),
    jose: jose.length > 0 ? { ...sizeOf(jose), loadedFirst: firstLoads.includes('jose') } : undefined,
  };
}

export function fromMetafile(metafile: Metafile, files: { path: string; contents: Uint8Array }[], workingDir: string): Chunk[] {
  return Object.entries(metafile.outputs).map(([file, out]) => ({
    file,
    code: files.find((f) => f.path == resolve(workingDir, file))!.contents,
    entry: out.entryPoint !== undefined && isEntryOutput(metafile, file),
    imports: out.imports.filter((i) => i.kind == 'import-statement' && !i.external).map((i) => i.path),
    modules: Object.entries(out.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([m]) => m),
  }));
}

/** esbuild marks a chunk reached by import() as an entry point too: the true entry is the one nothing imports. */
function isEntryOutput(metafile: Metafile, file: string): boolean {
  return !Object.values(metafile.outputs).some((o) => o.imports.some((i) => i.path == file));
}
