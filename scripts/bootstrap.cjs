#!/usr/bin/env node
// Runs before `npm start`, `npm test` and `npm run bench`: installs what a fresh machine lacks.
// Plain CommonJS with no dependencies, because it must work before `npm ci` has run.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'node_modules', '.trestle-lock-stamp');

function step(message) {
  console.log(`[bootstrap] ${message}`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[bootstrap] "${command} ${args.join(' ')}" failed with exit code ${result.status}.`);
    process.exit(result.status ?? 1);
  }
}

// npm ci when node_modules is missing or was installed from another package-lock.json.
const lock = readFileSync(path.join(root, 'package-lock.json'), 'utf8');
const lockKey = `${lock.length}:${statSync(path.join(root, 'package-lock.json')).size}:${require('node:crypto').createHash('sha256').update(lock).digest('hex')}`;
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockKey) {
  step('installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lockKey);
} else {
  step('npm dependencies are up to date');
}
