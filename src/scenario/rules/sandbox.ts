// The rule sandbox. A condition is untrusted text: mathjs (>= 15.2) parses it, and we never let
// mathjs evaluate it. Instead the tree, restricted to a whitelist of node types, operators and
// functions, becomes plain JS closures (no eval, no new Function) over a Float64Array of numbers.
// Anything that could reach code (import, createUnit, evaluate, parse, simplify, derivative,
// resolve, compile, chain, help, reviver, assignments, function definitions, property access,
// matrices, objects, units, strings) is rejected here, at load, with one line naming it.
// Semantics follow mathjs for plain numbers: comparisons use its tolerances (relTol 1e-12,
// absTol 1e-15), and/or/not/xor give 1 or 0, a ? b : c tests truthiness.

import { createRequire } from 'node:module';
import type { MathNode } from 'mathjs';

// mathjs takes a good part of a second to load: only scenarios with rules pay for it, and only the
// thread that reads the file (batch workers get the parsed trees as data). Its single-file bundle
// loads in about half the time of the number-only build (many modules), with the same parser.
let parser: ((text: string) => MathNode) | null = null;
function parse(text: string): MathNode {
  if (!parser) {
    const mathjs = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof import('mathjs');
    parser = mathjs.create({ parseDependencies: mathjs.parseDependencies }).parse as (text: string) => MathNode;
  }
  return parser(text);
}

export type Closure = (env: Float64Array) => number;

/** A condition that cannot be accepted; the caller adds the file, the line and the field. */
export class RuleSyntaxError extends Error {}

export const MAX_CONDITION_CHARS = 2000;
const MAX_DEPTH = 64;

export const ALLOWED_FUNCTIONS = ['abs', 'max', 'min'] as const;

const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;

/** mathjs's nearlyEqual for numbers with its default tolerances. */
export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const d = Math.abs(a - b);
  return d < Infinity && d <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

type Compare = (a: number, b: number) => boolean;
const COMPARE: Record<string, Compare> = {
  smaller: (a, b) => a < b && !nearlyEqual(a, b),
  smallerEq: (a, b) => a <= b || nearlyEqual(a, b),
  larger: (a, b) => a > b && !nearlyEqual(a, b),
  largerEq: (a, b) => a >= b || nearlyEqual(a, b),
  equal: (a, b) => nearlyEqual(a, b),
  unequal: (a, b) => !nearlyEqual(a, b),
};

const ARITH: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  // Negative bases with fractional exponents give NaN here (mathjs would go complex): a false condition.
  pow: (a, b) => Math.pow(a, b),
  mod: (a, b) => (b === 0 ? a : a - b * floorNear(a / b)),
};

/** mathjs's floor for numbers: an x within its tolerance of the integer above it is that integer (so 1 mod (1 + 1e-13) is about 0, as in mathjs). */
function floorNear(x: number): number {
  const f = Math.floor(x);
  const r = Math.round(x);
  return f !== r && nearlyEqual(x, r) && !nearlyEqual(x, f) ? r : f;
}

const NODE_WORDS: Record<string, string> = {
  AccessorNode: 'property or index access',
  ArrayNode: 'matrices and lists',
  AssignmentNode: 'assignment',
  BlockNode: 'several expressions (; or a new line)',
  FunctionAssignmentNode: 'defining a function',
  IndexNode: 'indexing',
  ObjectNode: 'objects',
  RangeNode: 'ranges (a:b)',
};

export interface CompiledCondition {
  fn: Closure;
  /**
   * True when the condition is false and stays false as long as the names `fixed` holds do not
   * change: a false part of an `and` (or both sides of an `or`) that reads only such names. False
   * when that cannot be told. Lets a run skip a rule that cannot fire before the measures change.
   */
  stays_false: (env: Float64Array) => boolean;
  /** Slots of the names the condition reads, in first-use order, without repeats. */
  slots: number[];
  /** The condition as text, split around its names: even parts literal, odd parts slot numbers. */
  template: (string | number)[];
}

/**
 * A condition parsed and checked for size: its tree as plain data (mathjs's node fields, copied),
 * so that it can cross to a worker thread and be compiled there without loading mathjs.
 */
export interface ParsedCondition {
  tree: CondNode;
  template: (string | number)[];
}

/** A mathjs node as plain data: its type and the fields build() reads. */
export type CondNode = { type: string } & Record<string, unknown>;

const NODE_FIELDS = ['value', 'name', 'content', 'condition', 'trueExpr', 'falseExpr', 'conditionals', 'params', 'fn', 'op', 'args'] as const;

function plain(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(plain);
  if (x !== null && typeof x === 'object' && 'type' in x && typeof (x as { type: unknown }).type === 'string') {
    const node = x as Record<string, unknown>;
    const out: CondNode = { type: node.type as string };
    for (const k of NODE_FIELDS) if (k in node && node[k] !== undefined) out[k] = plain(node[k]);
    return out;
  }
  return x;
}

/** Parses a condition (this loads mathjs); compileParsed turns it into closures. */
export function parseCondition(text: string, scope: ReadonlyMap<string, number>): ParsedCondition {
  if (text.trim() === '') throw new RuleSyntaxError('empty condition');
  if (text.length > MAX_CONDITION_CHARS) throw new RuleSyntaxError(`condition is ${text.length} characters; the limit is ${MAX_CONDITION_CHARS}`);
  let root: MathNode;
  try {
    root = parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new RuleSyntaxError(`cannot parse: ${msg.split('\n')[0]}`);
  }
  return { tree: plain(root) as CondNode, template: templateOf(root, scope) };
}

/** Compiles a parsed condition once. `scope` maps each allowed name to its slot; `fixed` tells which slots stay put in a quiet stretch. */
export function compileParsed(parsed: ParsedCondition, scope: ReadonlyMap<string, number>, fixed: (slot: number) => boolean = () => false): CompiledCondition {
  const slots: number[] = [];
  const fn = build(parsed.tree, scope, slots, 0);
  return { fn, slots, template: parsed.template, stays_false: staysFalse(parsed.tree, scope, fixed) };
}

/** Parses and compiles (see parseCondition and compileParsed). */
export function compileCondition(text: string, scope: ReadonlyMap<string, number>, fixed: (slot: number) => boolean = () => false): CompiledCondition {
  return compileParsed(parseCondition(text, scope), scope, fixed);
}

const NEVER = (): boolean => false;

/** See CompiledCondition.stays_false (the tree is already checked by build). */
function staysFalse(node: CondNode, scope: ReadonlyMap<string, number>, fixed: (slot: number) => boolean): (env: Float64Array) => boolean {
  if (node.type === 'ParenthesisNode') return staysFalse(node.content as CondNode, scope, fixed);
  const read: number[] = [];
  const fn = build(node, scope, read, 0);
  if (read.every(fixed)) return (env) => !fn(env);
  if (node.type === 'OperatorNode' && (node.fn === 'and' || node.fn === 'or')) {
    const [a, b] = (node.args as CondNode[]).map((x) => staysFalse(x, scope, fixed));
    if (a === NEVER && b === NEVER) return NEVER;
    return node.fn === 'and' ? (env) => a(env) || b(env) : (env) => a(env) && b(env);
  }
  return NEVER;
}

function unknownName(name: string, scope: ReadonlyMap<string, number>): RuleSyntaxError {
  if ((ALLOWED_FUNCTIONS as readonly string[]).includes(name)) return new RuleSyntaxError(`"${name}" is a function; call it as ${name}(...)`);
  return new RuleSyntaxError(`unknown name "${name}" (known: ${[...scope.keys()].join(', ')})`);
}

const truthy = (x: number): number => (x ? 1 : 0);

function build(node: CondNode, scope: ReadonlyMap<string, number>, slots: number[], depth: number): Closure {
  if (depth > MAX_DEPTH) throw new RuleSyntaxError(`condition nests deeper than ${MAX_DEPTH} levels`);
  const sub = (n: CondNode) => build(n, scope, slots, depth + 1);
  const n = node;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number') return () => v;
      if (typeof v === 'boolean') {
        const b = v ? 1 : 0;
        return () => b;
      }
      throw new RuleSyntaxError(`only numbers, true and false are allowed as values, not ${v === null ? 'null' : typeof v === 'string' ? `the text ${JSON.stringify(v)}` : String(v)}`);
    }
    case 'SymbolNode': {
      const name = n.name as string;
      const slot = scope.get(name);
      if (slot === undefined) throw unknownName(name, scope);
      if (!slots.includes(slot)) slots.push(slot);
      return (env) => env[slot];
    }
    case 'ParenthesisNode':
      return sub(n.content as CondNode);
    case 'ConditionalNode': {
      const c = sub(n.condition as CondNode);
      const a = sub(n.trueExpr as CondNode);
      const b = sub(n.falseExpr as CondNode);
      return (env) => (c(env) ? a(env) : b(env));
    }
    case 'RelationalNode': {
      const ops = (n.conditionals as string[]).map((name) => {
        const f = COMPARE[name];
        if (!f) throw new RuleSyntaxError(`operator "${name}" is not allowed`);
        return f;
      });
      const args = (n.params as CondNode[]).map(sub);
      return (env) => {
        let left = args[0](env);
        for (let i = 0; i < ops.length; i++) {
          const right = args[i + 1](env);
          if (!ops[i](left, right)) return 0;
          left = right;
        }
        return 1;
      };
    }
    case 'OperatorNode':
      return operator(n.fn as string, n.op as string, (n.args as CondNode[]).map(sub), n.args as CondNode[], scope);
    case 'FunctionNode': {
      const f = n.fn as CondNode & { name?: string };
      if (f.type !== 'SymbolNode') throw new RuleSyntaxError('only calls of min, max and abs by name are allowed');
      const name = f.name as string;
      if (!(ALLOWED_FUNCTIONS as readonly string[]).includes(name)) {
        if (scope.has(name)) throw new RuleSyntaxError(`"${name}" is a value, not a function`);
        throw new RuleSyntaxError(`function "${name}" is not allowed (allowed: ${ALLOWED_FUNCTIONS.join(', ')})`);
      }
      const args = (n.args as CondNode[]).map(sub);
      return callFunction(name, args);
    }
    default:
      throw new RuleSyntaxError(`${NODE_WORDS[node.type] ?? node.type} is not allowed in a condition`);
  }
}

function callFunction(name: string, args: Closure[]): Closure {
  if (name === 'abs') {
    if (args.length !== 1) throw new RuleSyntaxError(`abs takes one argument, got ${args.length}`);
    const a = args[0];
    return (env) => Math.abs(a(env));
  }
  if (args.length === 0) throw new RuleSyntaxError(`${name} needs at least one argument`);
  if (args.length === 1) return args[0];
  // As mathjs: a NaN argument wins, and values within its tolerance count as equal (the first stays).
  const better = name === 'max' ? COMPARE.larger : COMPARE.smaller;
  if (args.length === 2) {
    const [a, b] = args;
    return (env) => {
      const x = a(env);
      const y = b(env);
      return x !== x ? x : y !== y || better(y, x) ? y : x;
    };
  }
  return (env) => {
    let r = args[0](env);
    for (let i = 1; i < args.length; i++) {
      const v = args[i](env);
      if (v !== v || better(v, r)) r = v;
    }
    return r;
  };
}

function operator(fn: string, op: string, args: Closure[], nodes: CondNode[], scope: ReadonlyMap<string, number>): Closure {
  if (args.length === 1) {
    const a = args[0];
    if (fn === 'unaryMinus') return (env) => -a(env);
    if (fn === 'unaryPlus') return a;
    if (fn === 'not') return (env) => (a(env) ? 0 : 1);
    throw new RuleSyntaxError(`operator "${op}" is not allowed`);
  }
  if (args.length !== 2) throw new RuleSyntaxError(`operator "${op}" is not allowed`);
  const [a, b] = args;
  if (fn === 'and') return (env) => (a(env) ? truthy(b(env)) : 0);
  if (fn === 'or') return (env) => (a(env) ? 1 : truthy(b(env)));
  if (fn === 'xor') return (env) => (!a(env) !== !b(env) ? 1 : 0);
  const cmp = COMPARE[fn];
  if (cmp) {
    // The common shape `name op number` gets its own closure: one call fewer per evaluation.
    const l = nodes[0] as CondNode & { name?: string };
    const r = nodes[1] as CondNode & { value?: unknown };
    if (l.type === 'SymbolNode' && r.type === 'ConstantNode' && typeof r.value === 'number') {
      const slot = scope.get(l.name as string) as number;
      const c = r.value;
      return (env) => (cmp(env[slot], c) ? 1 : 0);
    }
    return (env) => (cmp(a(env), b(env)) ? 1 : 0);
  }
  const f = ARITH[fn];
  if (f) return (env) => f(a(env), b(env));
  throw new RuleSyntaxError(`operator "${op}" is not allowed`);
}

const MARK = '\u0000';

/** The condition's text with each name marked, so that a firing can show the values cheaply. */
function templateOf(root: MathNode, scope: ReadonlyMap<string, number>): (string | number)[] {
  const text = root.toString({
    handler: (node: MathNode) => {
      const name = (node as MathNode & { name?: string }).name;
      if (node.type === 'SymbolNode' && name !== undefined && scope.has(name)) return `${MARK}${scope.get(name)}${MARK}`;
      return undefined;
    },
  });
  return text.split(MARK).map((part, i) => (i % 2 === 1 ? Number(part) : part));
}

/** A value as a why shows it: four significant digits at most. */
export function fmtValue(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/** The condition with each name shown with its value: `rare_earth_curb=0.6 > 0.5`. */
export function explain(template: (string | number)[], names: readonly string[], env: Float64Array): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const part = template[i];
    out += typeof part === 'number' ? `${names[part]}=${fmtValue(env[part])}` : part;
  }
  return out;
}
