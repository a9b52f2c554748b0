// Decisions about the terminal that must be made before chalk and Ink are first imported, since both
// read the environment once, at import. Imported first by main.ts.

// NO_COLOR (https://no-color.org): chalk, which Ink uses, reads FORCE_COLOR but not NO_COLOR.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

// Ink treats CI=… as "nobody is watching" and holds every frame until the app exits, so `play` would
// show a blank screen. A terminal on stdin means somebody is watching, whatever CI says.
if (process.stdin.isTTY && (process.stdout.isTTY || process.stderr.isTTY)) {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}
export {};
