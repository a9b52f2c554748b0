// Reactive rules: conditions in a sandboxed subset of mathjs, compiled to closures at load.
export { compileRules } from './compileRules.js';
export { ruleSchema, type RuleSpec } from './schema.js';
export { compileCondition, RuleSyntaxError, ALLOWED_FUNCTIONS, nearlyEqual, explain, fmtValue, type Closure } from './sandbox.js';
export { RULE_NAMES, SLOT, STATE_NAMES, STATE_NAME_LIST } from './names.js';
export { recall, remember, rememberAll } from './memory.js';
