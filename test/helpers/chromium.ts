/**
 * Chromium from the npm package `@sparticuz/chromium`. It unpacks into tmpdir and reuses whatever it finds there, so
 * it unpacks in a child with a fresh TMPDIR, renamed into place once whole (one folder per package version).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const PACKAGE = '@sparticuz/chromium';

/** Where this version of the package's Chromium is unpacked. */
function unpackedDir(): string {
  // the package's exports hide its package.json: walk up from its entry to the folder it is installed in
  const entry = require.resolve(PACKAGE);
  const home = entry.slice(0, entry.lastIndexOf(join('node_modules', PACKAGE)) + join('node_modules', PACKAGE).length);
  const { version } = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8'));
  return join(tmpdir(), `kore-sparticuz-chromium-${version}`);
}

async function unpack(target: string): Promise<void> {
  const staging = mkdtempSync(`${target}.staging-`);
  try {
    const script = `import(${JSON.stringify(PACKAGE)}).then(async (m) => process.stdout.write(await m.default.executablePath()))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: staging },
    });
    if (stdout != join(staging, 'chromium')) throw new Error(`${PACKAGE} unpacked to ${stdout}, not into ${staging}`);
    // The package's fonts.conf names /tmp/fonts; this one names where its fonts are, and keeps the system's fonts.
    writeFileSync(
      join(staging, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(target, 'fonts', 'fonts')}</dir>\n</fontconfig>\n`,
    );
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'chromium'))) throw error; // else another process put it in place first
  }
}

/** The Chromium binary and the environment it needs (its fonts), unpacking it on first use. */
async function packagedChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const dir = unpackedDir();
  if (!existsSync(join(dir, 'chromium'))) await unpack(dir);
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  return { executablePath: join(dir, 'chromium'), env: { ...env, FONTCONFIG_PATH: join(dir, 'fonts') } };
}

/** That Chromium, launched headless and quiet: no GPU, no QUIC, none of its own background traffic. */
export async function launchPackagedChromium(): Promise<Browser> {
  const { executablePath, env } = await packagedChromium();
  return chromium.launch({
    executablePath,
    env,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
