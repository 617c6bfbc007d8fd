// The Debian packages that tests need besides Node (a real editor, a real browser), installed
// with apt-get when they are missing. `pnpm test` runs this first, so a clean machine (CI)
// gets them; a machine that has them is left alone. Without root or apt-get it says what is
// missing and fails, rather than letting the tests that need them pass without running.
import { execFileSync, spawnSync } from 'node:child_process';

/** Each package with a command that shows it is installed. */
const NEEDED = [
  { pkg: 'neovim', command: 'nvim' },
  { pkg: 'chromium', command: 'chromium' },
];

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = NEEDED.filter((n) => !has(n.command));
if (missing.length > 0) {
  const pkgs = missing.map((m) => m.pkg);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) {
    console.error(`tests need ${pkgs.join(', ')}: install ${pkgs.length > 1 ? 'them' : 'it'} (apt-get install -y ${pkgs.join(' ')})`);
    process.exit(1);
  }
  console.log(`installing ${pkgs.join(', ')} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
}
