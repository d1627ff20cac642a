#!/usr/bin/env node
import { run } from '../dist/server/server/cli.js';

run(process.argv.slice(2));
