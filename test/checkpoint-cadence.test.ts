// How often a batch rewrites its checkpoint: at most every 5 seconds, and writing at most about 2%
// of the time (a write of 0.2 s waits 10 s for the next); a forced write (Ctrl-C, the start) always.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from '../src/batch/checkpointSaver.js';

describe('checkpoint cadence', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first time, then not again until 5 s have passed, unless forced', () => {
    const written: number[] = [];
    const save = throttled((k: number) => written.push(k));
    save(false, 1);
    vi.advanceTimersByTime(4_999);
    save(false, 2);
    save(true, 3);
    vi.advanceTimersByTime(4_999); // 4.999 s after the forced write
    save(false, 4);
    vi.advanceTimersByTime(1);
    save(false, 5);
    expect(written).toEqual([1, 3, 5]);
  });

  it('waits 50 times as long as the last write took, when that is longer', () => {
    const written: number[] = [];
    const save = throttled((k: number) => {
      written.push(k);
      vi.advanceTimersByTime(200); // a slow disk: 0.2 s a write
    });
    save(false, 1);
    vi.advanceTimersByTime(9_999);
    save(false, 2);
    vi.advanceTimersByTime(1);
    save(false, 3);
    expect(written).toEqual([1, 3]);
  });
});
