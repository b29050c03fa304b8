/**
 * What the SDK weighs, minified and gzip: the library module by module, and as a Vite and an esbuild app bundle it
 * (static jwt, minted tokens), with what a first createTask loads. Targets: entry <= 13 kB, first createTask <= 14 kB.
 */
import { build as esbuild, transform, version as esbuildVersion } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild, version as viteVersion } from 'vite';
import { buildSdk, sharedOptions } from '../scripts/build-sdk.js';
import { closure, describeBundle, fromMetafile, loadedWhen, operationIds, type Chunk, type Described, type Size } from './chunks.js';
import { target, type BenchSection } from './harness.js';
import { example } from './operations.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entryTarget = 13_000;
const firstCallTarget = 14_000;

/** 1. The library as published code: src/index.ts bundled with openapi-fetch, minified, module by module. */
async function librarySizes() {
  const result = await esbuild({
    ...sharedOptions,
    format: 'esm',
    splitting: true,
    minify: true,
    write: false,
    outdir: '/bundle',
    external: ['jose'],
    metafile: true,
    absWorkingDir: root,
  });
  const chunks = fromMetafile(result.metafile, result.outputFiles, root);
  const described = describeBundle(chunks, firstDefaultCall);
  const entryFiles = closure(chunks.find((c) => c.entry)!.file, chunks);
  const shares = await gzipShares();
  const modules = [...entryFiles]
    .flatMap((f) => Object.entries(result.metafile.outputs[f]!.inputs))
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([name, { bytesInOutput }]) => ({ name: name.replace(/^.*node_modules\//, ''), bytes: bytesInOutput, gzipShare: shares.get(name) }))
    .sort((a, b) => b.bytes - a.bytes);
  return { ...described, modules };
}

/**
 * Each entry module's share of the entry's gzip (as one stream), as docs/sdk.md gives it: the entry's gzip less
 * the same without that module. The same build keeps whitespace so that esbuild marks where each module starts
 * (`// src/client.ts`); the rest is whitespace-minified before gzip, as the real build is.
 */
async function gzipShares(): Promise<Map<string, number>> {
  const result = await esbuild({
    ...sharedOptions,
    format: 'esm',
    splitting: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    write: false,
    outdir: '/bundle',
    external: ['jose'],
    metafile: true,
    absWorkingDir: root,
  });
  const chunks = fromMetafile(result.metafile, result.outputFiles, root);
  const entryFiles = closure(chunks.find((c) => c.entry)!.file, chunks);
  // each file's sections, minified on its own (two files may declare the same short name), gzipped as one stream
  const files = chunks
    .filter((c) => entryFiles.has(c.file))
    .map((c) =>
      Buffer.from(c.code)
        .toString('utf8')
        .split(/^(?=\/\/ \S+$)/m),
    );
  const gzipOf = async (without?: string) => {
    // the export list is left out of every variant: it names what a removed module declared
    const kept = files.map((sections) =>
      sections
        .filter((s) => s != without)
        .join('')
        .replace(/^export\s*\{[^}]*\};?\s*$/m, ''),
    );
    const minified = await Promise.all(kept.map(async (code) => (await transform(code, { minifyWhitespace: true, format: 'esm' })).code));
    return gzipSync(minified.join('\n')).length;
  };
  const whole = await gzipOf();
  const shares = new Map<string, number>();
  for (const section of files.flat()) {
    const module = /^\/\/ (\S+)$/m.exec(section)?.[1];
    if (module && section.startsWith('//')) shares.set(module, whole - (await gzipOf(section)));
  }
  return shares;
}

/** What a first default createTask loads besides the entry: nothing (request validation and its schemas are in the entry). */
const firstDefaultCall: string[] = [];

/** The two apps: each makes a client and creates one task, as a page would. JavaScript, so that an option the SDK's types do not know yet is no error. */
const apps: { app: string; options: Record<string, unknown>; firstLoads: string[] }[] = [
  { app: 'static jwt', options: { jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln' }, firstLoads: firstDefaultCall },
  {
    app: 'minting tokens',
    options: { clientId: 'cs-5e0d1a4f-9b1c-5a8e-b6c2-3f7d9e2a1b04', clientSecret: 'not-a-secret', dangerouslyAllowBrowser: true },
    firstLoads: [...firstDefaultCall, 'jose'],
  },
];

function writeApp(dir: string, options: Record<string, unknown>): string {
  const main = join(dir, 'main.js');
  writeFileSync(
    main,
    `import { createKoreClient } from 'kore-case-management';
const kore = createKoreClient(${JSON.stringify({ streamId: 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx', ...options })});
kore.createTask(${JSON.stringify(example('CreateTaskSeedSample'))}).then((task) => { document.body.textContent = task.refId; });
`,
  );
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="./main.js"></script>\n');
  return main;
}

const sdkDist = join(root, 'src/dist/index.js');

/**
 * An app's module that is a chunk of dist/ shared by several lazy parts (`chunks/chunk-<hash>.js`, e.g. the redactor)
 * stands for the source modules esbuild wrote into it (its `// src/<name>.ts` comments), so it is named as in the library.
 */
function sourcesOf(module: string): string[] {
  const file = join(root, 'src/dist/chunks', basename(module));
  if (!/dist\/chunks\/chunk-[A-Z0-9]{8}\.js$/.test(module) || !existsSync(file)) return [module];
  return [...readFileSync(file, 'utf8').matchAll(/^\/\/ (src\/[\w-]+\.ts)$/gm)].map((m) => m[1]!);
}
const withSources = (chunks: Chunk[]): Chunk[] => chunks.map((c) => ({ ...c, modules: c.modules.flatMap(sourcesOf) }));

type ViteOutput = Extract<Awaited<ReturnType<typeof viteBuild>>, { output: unknown }>;
type ViteChunk = Extract<ViteOutput['output'][number], { type: 'chunk' }>;

async function viteChunks(dir: string): Promise<Chunk[]> {
  const built = await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { 'kore-case-management': sdkDist } },
    build: { write: false },
  });
  const first = Array.isArray(built) ? built[0] : built;
  if (!first || !('output' in first)) throw new Error('bench: vite gave no build output');
  const chunks = first.output.filter((o): o is ViteChunk => o.type === 'chunk');
  return withSources(
    chunks.map((c) => ({
      file: c.fileName,
      code: Buffer.from(c.code),
      entry: c.isEntry,
      imports: c.imports,
      modules: c.moduleIds.filter((m) => (c.modules[m]?.renderedLength ?? 0) > 0),
    })),
  );
}

async function esbuildChunks(main: string, dir: string): Promise<Chunk[]> {
  const result = await esbuild({
    entryPoints: [main],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    outdir: join(dir, 'out'),
    metafile: true,
    absWorkingDir: dir,
    alias: { 'kore-case-management': sdkDist },
    logLevel: 'warning',
  });
  return withSources(fromMetafile(result.metafile, result.outputFiles, dir));
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
        results.push({ bundle: `${bundler}, ${app}`, described: describeBundle(await chunks(writeApp(dir, options), dir), firstLoads) });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  return results;
}

const sumOf = (sizes: Size[]): Size => ({
  minified: sizes.reduce((n, s) => n + s.minified, 0),
  files: sizes.reduce((n, s) => n + s.files, 0),
  gzip: sizes.reduce((n, s) => n + s.gzip, 0),
  gzipAsOne: NaN, // not served as one
});

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

const row = (bundle: string, part: string, size: Partial<Size> | undefined, when = '') => ({
  bundle,
  part,
  'min bytes': size?.minified ?? '-',
  files: size?.files ?? '',
  'gzip bytes, each file': size?.gzip ?? '',
  'gzip bytes, as one': size?.files && size.files > 1 && !Number.isNaN(size.gzipAsOne) ? size.gzipAsOne! : '',
  'loaded on the': when,
});

export default async function sizeBench(): Promise<BenchSection> {
  await buildSdk();
  const lib = await librarySizes();
  const rows: BenchSection['rows'] = [row('library (esbuild)', 'SDK entry: openapi-fetch included, static imports', lib.entry, 'import of the SDK')];
  for (const m of lib.modules)
    rows.push({
      ...row('library (esbuild)', `  in the entry: ${m.name}`, { minified: m.bytes }),
      'gzip bytes, as one': m.gzipShare === undefined ? '' : `its share: ${m.gzipShare}`,
    });
  for (const l of lib.lazy) rows.push(row('library (esbuild)', `lazy chunk: ${l.name}`, l, l.when));
  const schemas = lib.lazy.filter((l) => l.name.startsWith('schema-data:'));
  rows.push(
    row(
      'library (esbuild)',
      `the ${operationIds.length} operations' answer schema chunks, all together (never loaded at once)`,
      sumOf(schemas),
      'each on its own',
    ),
  );
  rows.push(
    row('library (esbuild)', 'loaded by a first default createTask (the entry: request validation is static)', lib.firstCall, 'first createTask'),
  );
  rows.push(row('library (esbuild)', 'jose: external, its signer imported with import() by the first token minted', undefined));
  for (const { bundle, described } of await appSizes()) {
    rows.push(row(bundle, 'app entry: the app, the SDK entry, openapi-fetch', described.entry, 'page load'));
    for (const l of described.lazy) rows.push(row(bundle, `lazy chunk: ${l.name}`, l, l.when));
    rows.push(row(bundle, 'loaded by the first createTask, app entry included', described.firstCall, 'first createTask'));
    const jose = described.jose;
    if (jose)
      rows.push(
        row(
          bundle,
          jose.loadedFirst
            ? `jose's share of the first createTask: ${percent(jose.minified, described.firstCall.minified)} minified, ${percent(jose.gzip, described.firstCall.gzip)} gzip`
            : 'jose: built, never loaded by a jwt client',
          jose,
          loadedWhen.jose,
        ),
      );
  }
  // The targets count gzip as one stream, as they were set: an app's bundler merges the entry's statically imported
  // chunks into its own entry anyway (the app rows show the files a browser actually fetches).
  const gzipDetail = (s: Size) => `${s.minified} B minified; ${s.gzip} B if each of its ${s.files} files is gzipped on its own`;
  return {
    title: 'SDK size: the library, and as browser apps bundle it (minified; gzip per file and as one stream)',
    rows,
    targets: [
      target(
        `SDK entry (openapi-fetch included) <= ${entryTarget.toLocaleString('en-US')} B gzip`,
        lib.entry.gzipAsOne,
        '<=',
        entryTarget,
        ' B',
        0,
        gzipDetail(lib.entry),
      ),
      target(
        `first default createTask loads <= ${firstCallTarget.toLocaleString('en-US')} B gzip`,
        lib.firstCall.gzipAsOne,
        '<=',
        firstCallTarget,
        ' B',
        0,
        gzipDetail(lib.firstCall),
      ),
    ],
  };
}
