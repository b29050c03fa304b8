/**
 * What the SDK weighs, minified and gzip (each file compressed on its own, as a server sends it, and as one stream):
 *  1. the library: esbuild --minify of src/index.ts, openapi-fetch included and jose external, module by module;
 *     the chunks reached only through import() are reported apart, each with when it is loaded;
 *  2. as a browser app bundles it: a tiny app importing dist/ (`npm run build`), built by Vite and by esbuild,
 *     (a) with a static `jwt`, (b) minting tokens (clientId/clientSecret, `dangerouslyAllowBrowser: true`), chunk by
 *     chunk, with what its first createTask loads and jose's share.
 * Targets (1): the entry <= 6 kB gzip; everything a first default createTask loads <= 7.5 kB gzip (as one stream).
 */
import { build as esbuild, version as esbuildVersion, type Metafile } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild, version as viteVersion } from 'vite';
import { buildSdk, sharedOptions } from '../scripts/build-sdk.js';
import { target, type BenchSection } from './harness.js';
import { example } from './operations.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entryTarget = 6_000;
const firstCallTarget = 7_500;

/** The lazily loaded parts of the SDK, by module name, and when each is loaded. */
const loadedWhen: Record<string, string> = {
  'validate-request': 'first createTask call with validateRequests on (the default)',
  'validate-response': 'first answer read with validateResponses: true',
  'schema-check': 'first use of either validator (shared by both)',
  failures: 'first failed attempt: error mapping, retry decisions',
  mint: 'first request of a client given clientId/clientSecret',
  jose: 'with mint: the token signer',
};

/** One output file of a bundler, in the terms both bundlers share. */
interface Chunk {
  file: string;
  code: Uint8Array;
  entry: boolean;
  imports: string[]; // static, to other chunks
  modules: string[]; // source modules with code in this chunk
}

/** Bytes of some files: minified, gzip with each file compressed on its own (as served), and gzip as one stream. */
type Size = { minified: number; files: number; gzip: number; gzipAsOne: number };
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
    const lazy = /(?:^|\/)(?:src|dist\/chunks)\/([a-z-]+?)(?:\.ts|-[A-Z0-9]{8}\.js)$/.exec(m)?.[1];
    if (lazy && lazy in loadedWhen) return lazy;
  }
  const users = all.filter((c) => c.imports.includes(chunk.file)).map((c) => nameOf(c, all));
  if (users.length > 0) return `shared by ${users.join(', ')}`;
  return `unlabelled (${chunk.modules.map((m) => m.split('/').pop()).join(', ')}): name it in loadedWhen`;
}

/** A chunk and every chunk it imports statically (what loading it fetches). */
function closure(file: string, all: Chunk[], seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of all.find((c) => c.file == file)!.imports) closure(i, all, seen);
  return seen;
}

interface Described {
  entry: Size;
  lazy: ({ name: string; when: string } & Size)[];
  firstCall: Size;
  jose: (Size & { loadedFirst: boolean }) | undefined;
}

/** Entry (with its static imports), each lazy chunk, and what a first createTask loads: the entry plus the `firstLoads` parts. */
function describe(chunks: Chunk[], firstLoads: string[]): Described {
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
      .map(({ chunk, name }) => ({ name, when: loadedWhen[name] ?? name.replace('shared by', 'with'), ...sizeOf([chunk]) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    firstCall: sizeOf(firstChunks),
    jose: jose.length > 0 ? { ...sizeOf(jose), loadedFirst: firstLoads.includes('jose') } : undefined,
  };
}

function fromMetafile(metafile: Metafile, files: { path: string; contents: Uint8Array }[], workingDir: string): Chunk[] {
  return Object.entries(metafile.outputs).map(([file, out]) => ({
    file,
    code: files.find((f) => f.path == resolve(workingDir, file))!.contents,
    entry: out.entryPoint !== undefined && isEntryOutput(metafile, file),
    imports: out.imports.filter((i) => i.kind == 'import-statement' && !i.external).map((i) => i.path),
    modules: Object.entries(out.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([m]) => m),
  }));
}

/** esbuild marks a chunk reached by import() as an entry point too: the true entry is the one nothing imports. */
function isEntryOutput(metafile: Metafile, file: string): boolean {
  return !Object.values(metafile.outputs).some((o) => o.imports.some((i) => i.path == file));
}

/** 1. The library as published code: src/index.ts bundled with openapi-fetch, minified, module by module. */
async function librarySizes() {
  const result = await esbuild({ ...sharedOptions, format: 'esm', splitting: true, minify: true, write: false, outdir: '/bundle', external: ['jose'], metafile: true, absWorkingDir: root });
  const chunks = fromMetafile(result.metafile, result.outputFiles, root);
  const described = describe(chunks, ['validate-request']);
  const entryFiles = closure(chunks.find((c) => c.entry)!.file, chunks);
  const modules = [...entryFiles]
    .flatMap((f) => Object.entries(result.metafile.outputs[f]!.inputs))
    .map(([name, { bytesInOutput }]) => ({ name: name.replace(/^.*node_modules\//, ''), bytes: bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { ...described, modules };
}

/** The two apps: each makes a client and creates one task, as a page would. JavaScript, so that an option the SDK's types do not know yet is no error. */
const apps: { app: string; options: Record<string, unknown>; firstLoads: string[] }[] = [
  { app: 'static jwt', options: { jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln' }, firstLoads: ['validate-request'] },
  {
    app: 'minting tokens',
    options: { clientId: 'cs-5e0d1a4f-9b1c-5a8e-b6c2-3f7d9e2a1b04', clientSecret: 'not-a-secret', dangerouslyAllowBrowser: true },
    firstLoads: ['validate-request', 'mint', 'jose'],
  },
];

function writeApp(dir: string, options: Record<string, unknown>): string {
  const main = join(dir, 'main.js');
  writeFileSync(
    main,
    `import { createKoreClient } from 'kore-create-task';
const kore = createKoreClient(${JSON.stringify({ streamId: 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx', ...options })});
kore.createTask(${JSON.stringify(example('CreateTaskSeedSample'))}).then((task) => { document.body.textContent = task.refId; });
`,
  );
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="./main.js"></script>\n');
  return main;
}

const sdkDist = join(root, 'dist/index.js');

async function viteChunks(dir: string): Promise<Chunk[]> {
  const out: any = await viteBuild({ root: dir, configFile: false, logLevel: 'silent', resolve: { alias: { 'kore-create-task': sdkDist } }, build: { write: false } });
  const chunks = (Array.isArray(out) ? out[0] : out).output.filter((o: any) => o.type == 'chunk');
  return chunks.map((c: any) => ({
    file: c.fileName,
    code: Buffer.from(c.code),
    entry: c.isEntry,
    imports: c.imports,
    modules: c.moduleIds.filter((m: string) => c.modules[m]?.renderedLength > 0),
  }));
}

async function esbuildChunks(main: string, dir: string): Promise<Chunk[]> {
  const result = await esbuild({
    entryPoints: [main], bundle: true, splitting: true, format: 'esm', platform: 'browser', minify: true, write: false,
    outdir: join(dir, 'out'), metafile: true, absWorkingDir: dir, alias: { 'kore-create-task': sdkDist }, logLevel: 'warning',
  });
  return fromMetafile(result.metafile, result.outputFiles, dir);
}

const bundlers = [
  { bundler: `Vite ${viteVersion}`, chunks: (_main: string, dir: string) => viteChunks(dir) },
  { bundler: `esbuild ${esbuildVersion}`, chunks: esbuildChunks },
];

/** 2. The apps, with each bundler. */
async function appSizes() {
  const results: { bundle: string; described: Described }[] = [];
  for (const { app, options, firstLoads } of apps)
    for (const { bundler, chunks } of bundlers) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-app-'));
      try {
        results.push({ bundle: `${bundler}, ${app}`, described: describe(await chunks(writeApp(dir, options), dir), firstLoads) });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  return results;
}

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

const row = (bundle: string, part: string, size: Partial<Size> | undefined, when = '') => ({
  bundle,
  part,
  'min bytes': size?.minified ?? '-',
  files: size?.files ?? '',
  'gzip bytes, each file': size?.gzip ?? '',
  'gzip bytes, as one': size?.files && size.files > 1 ? size.gzipAsOne! : '',
  'loaded on the': when,
});

export default async function sizeBench(): Promise<BenchSection> {
  await buildSdk();
  const lib = await librarySizes();
  const rows: BenchSection['rows'] = [row('library (esbuild)', 'SDK entry: openapi-fetch included, static imports', lib.entry, 'import')];
  for (const m of lib.modules) rows.push(row('library (esbuild)', `  in the entry: ${m.name}`, { minified: m.bytes }));
  for (const l of lib.lazy) rows.push(row('library (esbuild)', `lazy chunk: ${l.name}`, l, l.when));
  rows.push(row('library (esbuild)', 'loaded by a first default createTask (entry + request validation)', lib.firstCall, 'first call'));
  rows.push(row('library (esbuild)', 'jose: external, imported with import() by the mint chunk', undefined));
  for (const { bundle, described } of await appSizes()) {
    rows.push(row(bundle, 'app entry: the app, the SDK entry, openapi-fetch', described.entry, 'page load'));
    for (const l of described.lazy) rows.push(row(bundle, `lazy chunk: ${l.name}`, l, l.when));
    rows.push(row(bundle, 'loaded by the first createTask, app entry included', described.firstCall, 'first call'));
    const jose = described.jose;
    if (jose)
      rows.push(row(bundle, jose.loadedFirst
        ? `jose's share of the first createTask: ${percent(jose.minified, described.firstCall.minified)} minified, ${percent(jose.gzip, described.firstCall.gzip)} gzip`
        : 'jose: built, never loaded by a jwt client', jose, loadedWhen.jose));
  }
  // The targets count gzip as one stream, as they were set: an app's bundler merges the entry's statically imported
  // chunks into its own entry anyway (the app rows show the files a browser actually fetches).
  const gzipDetail = (s: Size) => `${s.minified} B minified; ${s.gzip} B if each of its ${s.files} files is gzipped on its own`;
  return {
    title: 'SDK size: the library, and as browser apps bundle it (minified; gzip per file and as one stream)',
    rows,
    targets: [
      target(`SDK entry (openapi-fetch included) <= ${entryTarget.toLocaleString('en-US')} B gzip`, lib.entry.gzipAsOne, '<=', entryTarget, ' B', 0, gzipDetail(lib.entry)),
      target(
        `first default createTask loads <= ${firstCallTarget.toLocaleString('en-US')} B gzip`,
        lib.firstCall.gzipAsOne, '<=', firstCallTarget, ' B', 0, gzipDetail(lib.firstCall),
      ),
    ],
  };
}
