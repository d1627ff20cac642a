// The single-file script-tag bundle: Lit included, every element defined.
import './event/define.js';
import './countdown/define.js';
import './agenda/define.js';
import './poll/define.js';
import './recordings/define.js';
import './questions/define.js';
