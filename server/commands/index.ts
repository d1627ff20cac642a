import type { AnyCommand } from './command.js';
import { feeds } from './feeds-status.js';
import { importCommand } from './import.js';
import { init } from './init.js';
import { polls } from './polls.js';
import { serve } from './serve.js';
import { validate } from './validate.js';

/** Every subcommand, in the order of the usage text. A new one is a module and one line here. */
export const COMMANDS: readonly AnyCommand[] = [serve, polls, validate, init, importCommand, feeds];
