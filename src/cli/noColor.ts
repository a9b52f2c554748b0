// NO_COLOR (https://no-color.org): chalk, which Ink uses, reads FORCE_COLOR but not NO_COLOR, and
// decides when it is first imported. Imported first by main.ts, so it runs before chalk loads.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
export {};
