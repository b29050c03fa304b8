/**
 * `npm run build:packages [contract|sandbox]`: the suite and the sandbox bundled by esbuild into their dist/. The suite
 * imports the SDK as the `kore-case-management` package; neither carries Prism, Java, Chromium or Redocly.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The SDK's source, imported by path in the repository, is the installed package in the bundle. */
const sdkAsPackage: Plugin = {
  name: 'sdk-as-package',
  setup(b) {
    b.onResolve({ filter: /\/src\/index\.js$/ }, () => ({ path: 'kore-case-management', external: true }));
  },
};

/** The mock target starts Prism, a contributor's tool: the installed suite names it and stops. */
const mockNeedsRepository: Plugin = {
  name: 'mock-needs-repository',
  setup(b) {
    b.onResolve({ filter: /scripts\/lib\/mock-server\.js$/ }, () => ({ path: 'mock-server', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: `export async function startMock() { throw new Error('the mock target runs Prism from a checkout of the repository (npm run mock); here, point the suite at a server with --base-url'); }`,
      loader: 'js',
    }));
  },
};

/** A Node program bundled as ESM: the packages' bins, and the tests' copy of the suite's command line. */
export const nodeProgram: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
};

async function bundle(entry: string, outdir: string, plugins: Plugin[]): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    ...nodeProgram,
    entryPoints: [join(root, entry)],
    outdir,
    splitting: true, // what is loaded with import() stays out of the start-up path (better-sqlite3 for --db)
    plugins,
  });
}

export async function buildContractPackage(): Promise<void> {
  const home = join(root, 'contract-tests');
  await bundle('contract-tests/bin.ts', join(home, 'dist'), [sdkAsPackage, mockNeedsRepository]);
  mkdirSync(join(home, 'generated'), { recursive: true });
  copyFileSync(join(root, 'generated/openapi.json'), join(home, 'generated/openapi.json'));
  copyFileSync(join(root, 'LICENSE'), join(home, 'LICENSE'));
}

export async function buildSandboxPackage(): Promise<void> {
  const home = join(root, 'sandbox');
  await bundle('sandbox/cli.ts', join(home, 'dist'), []);
  copyFileSync(join(root, 'LICENSE'), join(home, 'LICENSE'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const which = process.argv[2];
  if (which !== 'sandbox') await buildContractPackage();
  if (which !== 'contract') await buildSandboxPackage();
  console.error(`built ${which ?? 'contract and sandbox'} package(s)`); // stderr: `npm pack --json` prints JSON only
}
