#!/usr/bin/env node
// The command-line entry: runs the CLI (program.ts) on the process's arguments and streams.

import './terminalEnv.js';
import { runCli } from './program.js';

// `tariff-sim run x | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await runCli(process.argv);
// A failure exits at once (its one line is written); success and an interrupted batch's 130/143
// leave the process to end when its work is done.
if (code === 0 || code === 130 || code === 143) process.exitCode = code;
else process.exit(code);
