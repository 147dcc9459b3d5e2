#!/usr/bin/env node
// Entry point for `npx switchyard`. Switchyard runs its TypeScript sources directly, which needs
// Node.js 24 or newer; on an older Node this re-runs itself with the Node 24 that
// scripts/node24.sh installs into the user's cache.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
if (major >= 24) {
  await import('../src/cli/main.ts');
} else {
  const cache = process.env.SWITCHYARD_NODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'switchyard', 'node24');
  const node24 = join(cache, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    console.error(`switchyard needs Node.js >= 24 (this is ${process.version}). Run: . scripts/node24.sh`);
    process.exit(1);
  }
  const child = spawnSync(node24, [new URL(import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
