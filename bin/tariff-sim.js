#!/usr/bin/env node
// The installed command: the compiled CLI (npm ci and npm pack build it into dist/).
import '../dist/cli/main.js';
