// The worker entry when running from TypeScript source (tests, dev). Node 20 does not pass module
// hooks such as `--import tsx` on to worker threads, so the worker registers tsx itself.
import { register } from 'tsx/esm/api';

register();
const { default: work } = await import('./worker.ts');
export default work;
