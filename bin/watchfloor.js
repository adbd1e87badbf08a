#!/usr/bin/env node
'use strict';
// `pnpm watchfloor <command>`: runs the CLI, compiling it first on a fresh checkout. The compiler's
// output goes to stderr so that stdout carries nothing but the command's own output.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const main = join(root, 'apps', 'cli', 'dist', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('watchfloor: compiling the CLI (first run)...\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', join(root, 'apps', 'cli', 'tsconfig.json')], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) {
    process.stderr.write('watchfloor: the CLI did not compile; run `pnpm install`, then `pnpm build`\n');
    process.exit(1);
  }
}
require(main);
