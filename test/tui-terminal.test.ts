// The real command: in a pseudo-terminal (util-linux `script`), and without a terminal.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CLI = 'node --import tsx src/cli/main.ts';

function collect(child: ReturnType<typeof spawn>) {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const waitFor = async (text: string) => {
    for (let i = 0; i < 1200 && !exited && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
    if (!out.includes(text)) throw new Error(`never saw ${JSON.stringify(text)}${exited ? ' (the process had exited)' : ''}; stdout:\n${out}\nstderr:\n${err}`);
  };
  return { out: () => out, err: () => err, exit, waitFor };
}

describe('tariff-sim play, the real command', () => {
  // CI=true on purpose: Ink would hold every frame until exit if the command let it believe nobody watches.
  it('runs in a pseudo-terminal, even with CI set: n steps, q quits with exit code 0', async () => {
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; ${CLI} play`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    const io = collect(child);
    try {
      await io.waitFor('step 0/77');
      await new Promise((r) => setTimeout(r, 200));
      child.stdin!.write('n');
      await io.waitFor('step 1/77');
      child.stdin!.write('q');
      expect(await io.exit).toBe(0);
      expect(io.out()).toContain('Tariffs');
      // Drawn on the alternate screen, and the shell's screen given back on quitting.
      expect(io.out()).toContain('\u001b[?1049h');
      const out = io.out();
      expect(out.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(out.lastIndexOf('\u001b[?1049h'));
      expect(out.slice(out.lastIndexOf('\u001b[?1049l'))).not.toContain('Tariffs');
    } finally {
      child.kill(); // a failed run must not leave the session behind
    }
  }, 90_000);

  it('without a terminal: exit code 2 and one line pointing at a terminal or `run`', async () => {
    const child = spawn('sh', ['-c', `${CLI} play < /dev/null`], { stdio: ['pipe', 'pipe', 'pipe'] });
    const io = collect(child);
    expect(await io.exit).toBe(2);
    const lines = io.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/terminal/);
    expect(lines[0]).toMatch(/tariff-sim run/);
    expect(io.out()).toBe('');
  }, 60_000);
});
