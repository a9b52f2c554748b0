// The repository stands on its own: every source is in seeds/sources.yaml with what finds it
// (title, author, year, a link or a document), every `source:` in seeds/ names one of them, and no
// file points to a document outside the repository.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const sources = parse(readFileSync(join(ROOT, 'seeds', 'sources.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const rel = join(dir, f);
    if (statSync(join(ROOT, rel)).isDirectory()) return f === 'fixtures' ? [] : files(rel);
    return /\.(ts|tsx|mjs|yaml|md|json)$/.test(f) ? [rel] : [];
  });
}

describe('seeds/sources.yaml', () => {
  it.each(Object.keys(sources))('%s: title, author, year, and a link or a document', (key) => {
    const s = sources[key];
    expect(typeof s.title, 'title').toBe('string');
    expect(typeof s.author, 'author').toBe('string');
    expect(Number.isInteger(s.year), 'year').toBe(true);
    expect(typeof s.link === 'string' || typeof s.document === 'string', 'link or document').toBe(true);
  });

  it('every source a seed names is listed, and every listed source is documented in docs/calibration.md or used', () => {
    const used = new Set<string>();
    for (const f of files('seeds')) for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/\bsource: ([a-z0-9-]+)/g)) used.add(m[1]);
    for (const key of used) expect(Object.keys(sources), `${key} (used in seeds/)`).toContain(key);
    const docs = readFileSync(join(ROOT, 'docs', 'calibration.md'), 'utf8');
    for (const key of Object.keys(sources)) expect(used.has(key) || docs.includes(`\`${key}\``), `${key}: neither used nor in docs/calibration.md`).toBe(true);
  });
});

describe('no reference points outside the repository', () => {
  const all = ['README.md', 'ARCHITECTURE.md', ...files('src'), ...files('test'), ...files('seeds'), ...files('docs'), ...files('bench'), ...files('scenarios')];
  it('no file cites CALIBRATION.md, DESIGN.md or a path on the machine it was written on', () => {
    const outside = /CALIBRATION\.md|DESIGN\.md|\/work\/(shared|notes)/;
    const hits = all.filter((f) => f !== 'test/sources.test.ts' && outside.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(hits).toEqual([]);
  });

  it('docs/calibration.md exists and each docs/ page a file names is there', () => {
    const named = new Set<string>();
    for (const f of all) for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/docs\/([a-z0-9-]+\.md)/g)) named.add(m[1]);
    expect(named.has('calibration.md')).toBe(true);
    const present = readdirSync(join(ROOT, 'docs'));
    for (const page of named) expect(present, `docs/${page}`).toContain(page);
  });
});
