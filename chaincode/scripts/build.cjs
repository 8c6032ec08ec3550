#!/usr/bin/env node
// Builds chaincode/dist, the folder `fabric-chaincode-node server` runs (package.json "main").
//
// Workspace code imports compliance by source path (`@trestle/compliance/src/...`), which tsx
// resolves to .ts files. Plain Node needs .js at that same path, so compliance is compiled into
// dist/node_modules/@trestle/compliance: Node looks there first when resolving from dist, and the
// workspace keeps no compiled files beside its sources. tsc emits decorator metadata, which
// fabric-contract-api reads to describe each transaction's parameters (esbuild/tsx cannot).
'use strict';
const { spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const path = require('node:path');

const chaincode = path.resolve(__dirname, '..');
const dist = path.join(chaincode, 'dist');
const tsc = require.resolve('typescript/bin/tsc');

function compile(project, outDir) {
  const args = [tsc, '-p', project, ...(outDir ? ['--outDir', outDir] : [])];
  const result = spawnSync(process.execPath, args, { cwd: chaincode, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[chaincode build] tsc -p ${project} failed with exit code ${result.status}.`);
    process.exit(result.status ?? 1);
  }
}

rmSync(dist, { recursive: true, force: true });
compile(path.join(chaincode, 'tsconfig.build.json'));
compile(path.join(chaincode, '..', 'compliance', 'tsconfig.build.json'), path.join(dist, 'node_modules', '@trestle', 'compliance'));
