// What a rule condition may not contain, with the one line that refuses it: checked at unit level
// (sandbox-semantics.test.ts, compileCondition) and through a scenario file (rules.test.ts).
export const CONDITION_REFUSALS: [string, string][] = [
  ['import("fs", {})', 'function "import" is not allowed (allowed: abs, max, min)'],
  ['evaluate("1+1")', 'function "evaluate" is not allowed (allowed: abs, max, min)'],
  ['f(x) = x', 'defining a function is not allowed in a condition'],
  ['step = 3', 'assignment is not allowed in a condition'],
  ['min.constructor', 'property or index access is not allowed in a condition'],
  ['abs["constructor"]("x")', 'only calls of min, max and abs by name are allowed'],
  ['[1, 2]', 'matrices and lists is not allowed in a condition'],
  ['{a: 1}', 'objects is not allowed in a condition'],
  ['1:3', 'ranges (a:b) is not allowed in a condition'],
  ['step; step', 'several expressions (; or a new line) is not allowed in a condition'],
  ['"abc" == "abc"', 'only numbers, true and false are allowed as values, not the text "abc"'],
  ['step!', 'operator "!" is not allowed'],
  ['step & 1', 'operator "&" is not allowed'],
  ['escalation_index(2)', '"escalation_index" is a value, not a function'],
  ['abs > 1', '"abs" is a function; call it as abs(...)'],
  ['rare_earth_curb > 0.5 and', 'cannot parse: Unexpected end of expression (char 26)'],
];
