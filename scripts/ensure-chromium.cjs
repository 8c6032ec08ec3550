#!/usr/bin/env node
// Installs Debian's Chromium for the console's browser tests when /usr/bin/chromium is missing.
// Debian's package rather than Playwright's browser download: it comes from the distribution's
// signed archive and is updated with the machine. Plain CommonJS so it runs before `npm ci`.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

function step(message) {
  console.log(`[chromium] ${message}`);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`[chromium] "${command} ${args.join(' ')}" failed with exit code ${result.status}; install the Debian package "chromium" by hand.`);
    process.exit(result.status ?? 1);
  }
}

if (existsSync(CHROMIUM)) {
  step(`${CHROMIUM} is installed`);
} else {
  // apt needs root: as another user, go through sudo without a prompt (it fails saying why).
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = (args) => (isRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  step(`${CHROMIUM} is missing: installing the Debian package "chromium" (apt-get)…`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(CHROMIUM)) {
    console.error(`[chromium] apt-get finished but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
  step(`installed ${CHROMIUM}`);
}
