// Every key, once: the hints line and the help view both read this list.

export const KEYS: [string, string][] = [
  ['n / →', 'one step'],
  ['N', 'ten steps'],
  ['u', 'undo'],
  ['r', 'redo'],
  ['m', 'move palette: moves at this step (Ctrl+A keeps one; both: summit)'],
  ['b', 'branch here (the new branch becomes current)'],
  ['[ / ]', 'previous / next branch'],
  ['c', 'compare this branch with its parent (or the baseline run)'],
  ['s', 'save the session as a scenario file that `run` replays'],
  ['e', 'export this branch as CSV'],
  ['Tab / S-Tab', 'focus the next / previous panel'],
  ['↑ / ↓', "change the focused panel's chart"],
  ['Esc', 'close a view'],
  ['?', 'this help'],
  ['q', 'quit'],
];

export const HINTS: [string, string][] = [
  ['n', 'step'], ['N', '10'], ['u', 'undo'], ['r', 'redo'], ['m', 'move'], ['b', 'branch'], ['c', 'compare'],
  ['s', 'save'], ['e', 'csv'], ['Tab', 'panel'], ['?', 'help'], ['q', 'quit'],
];
