#!/usr/bin/env node
// `npm start` runs this first. Electron fetches its binary on first use, which a machine without
// internet cannot do; its failure is a stack trace, so this says in one line what works instead.
import { spawnSync } from 'node:child_process';

// Electron's own loader, in a child: it downloads the binary when missing and throws when it cannot.
const result = spawnSync(process.execPath, ['--input-type=commonjs', '-e', "require('electron')"], { stdio: 'pipe' });
if (result.status !== 0) {
  process.stderr.write(
    "npm start needs Electron's binary, which could not be downloaded on this machine: `npm run serve` opens the same app in a browser (or run npm start where the internet is reachable).\n",
  );
  process.exit(1);
}
