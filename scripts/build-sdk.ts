/**
 * `npm run build`: the SDK package in src/dist/ (ESM with lazy chunks for jose's signer and each answer schema, one
 * CommonJS file, declarations from tsc); openapi-fetch and jose stay external, the contract's schemas come in as data.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formats } from '../src/schema-check.js';
import { operationSchemas } from '../src/schemas/extract.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'src/dist');
const entry = join(root, 'src/index.ts');

/**
 * Replaces src/schemas/request.ts with the request schemas as data, and src/schemas/response.ts with one import() per
 * operation of its answer schema: the bundle holds data, never the whole contract.
 */
export function schemaDataPlugin(): Plugin {
  const schemas = (which: string) =>
    operationSchemas(JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8')), which as 'request' | 'response', formats);
  return {
    name: 'contract-schema-data',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]schemas[\\/](request|response)\.ts$/ }, (args) => {
        const which = /(request|response)\.ts$/.exec(args.path)![1]!;
        if (which == 'request') return { contents: `export default ${JSON.stringify(schemas(which))};`, loader: 'js' };
        const loaders = Object.keys(schemas(which)).map((op) => `${op}: () => import('schema-data:${op}-${which}')`);
        return { contents: `export default { ${loaders.join(', ')} };`, loader: 'js' };
      });
      b.onResolve({ filter: /^schema-data:/ }, (args) => ({ path: args.path.slice('schema-data:'.length), namespace: 'schema-data' }));
      b.onLoad({ filter: /.*/, namespace: 'schema-data' }, (args) => {
        const [, op, which] = /^(\w+)-(request|response)$/.exec(args.path)!; // chunks are named <op>-<which>-<hash>.js
        return { contents: `export default ${JSON.stringify(schemas(which!)[op!])};`, loader: 'js' };
      });
    },
  };
}

export const sharedOptions: BuildOptions = {
  entryPoints: [entry],
  bundle: true,
  platform: 'neutral',
  target: 'es2022',
  plugins: [schemaDataPlugin()],
  logLevel: 'warning',
};

async function buildJs(): Promise<void> {
  await build({
    ...sharedOptions,
    format: 'esm',
    splitting: true,
    outdir: dist,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['openapi-fetch', 'jose'],
  });
  await build({
    ...sharedOptions,
    format: 'cjs',
    outfile: join(dist, 'index.cjs'),
    external: ['openapi-fetch', 'jose'],
    supported: { 'dynamic-import': true }, // keep import('jose') a real import(): jose has no CommonJS build
  });
}

/**
 * tsc writes the declarations; they are copied as .d.ts (ESM) and .d.cts (CommonJS, imports renamed to .cjs) into
 * `into` (dist/, or a test's package folder: each run has its own scratch folder, so runs do not clash).
 */
export function buildTypes(into = dist): void {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = mkdtempSync(join(root, '.tmp/sdk-dts-'));
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      entry,
      '--declaration',
      '--emitDeclarationOnly',
      '--outDir',
      out,
      '--rootDir',
      root,
      '--target',
      'es2022',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
      '--strict',
      '--skipLibCheck',
      '--resolveJsonModule',
      '--lib',
      'es2022,dom,dom.iterable',
      '--types',
      'node',
    ],
    { stdio: 'inherit' },
  );
  const emitted = join(out, 'src');
  const files = readdirSync(emitted, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'));
  for (const file of files) {
    const text = readFileSync(join(emitted, file), 'utf8').replaceAll("'../generated/schema.js'", "'./schema.js'");
    mkdirSync(join(into, file, '..'), { recursive: true });
    writeFileSync(join(into, file), text);
    writeFileSync(join(into, file.replace(/\.d\.ts$/, '.d.cts')), text.replace(/(from '\.{1,2}\/[^']+)\.js'/g, "$1.cjs'"));
  }
  copyFileSync(join(root, 'generated/schema.d.ts'), join(into, 'schema.d.ts'));
  copyFileSync(join(root, 'generated/schema.d.ts'), join(into, 'schema.d.cts'));
  rmSync(out, { recursive: true, force: true });
}

export async function buildSdk(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  await buildJs();
  buildTypes();
  copyFileSync(join(root, 'LICENSE'), join(root, 'src/LICENSE'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildSdk();
  console.error('built src/dist/ (ESM, CommonJS, declarations)'); // stderr: `npm pack --json` prints JSON only
}
