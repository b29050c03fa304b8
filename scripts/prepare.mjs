// `prepare`: npm runs it after `npm install` of a git dependency (which must build dist/) and also during `npm pack`
// and `npm publish`, right after `prepack` has built dist/: there it is skipped, so a pack builds once.
// Plain JavaScript: it runs before anything is built, and loads nothing when it skips.
import { spawnSync } from 'node:child_process';

if (!['pack', 'publish'].includes(process.env.npm_command ?? '')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(build.status ?? 1);
}
