// seedrandom's Alea alone: its package index also loads five other generators and node:crypto (for
// auto-seeding, which the model never does), about 10 ms of every process's start-up.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  const alea: seedrandom['alea'];
  export default alea;
}
