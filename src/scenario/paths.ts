// Where the shipped data lives: beside src/ (or dist/) in the package.

import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
