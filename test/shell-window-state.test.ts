// The window comes back where it was, unless that place no longer exists on any screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  clampWindowState,
  readWindowState,
  windowStateFile,
  writeWindowState,
  writeWindowStateSync,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  type Rect,
} from '../electron/main/window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }; // primary, taskbar below
const rightMonitor: Rect = { x: 1920, y: -200, width: 2560, height: 1400 };
const small: Rect = { x: 0, y: 0, width: 1024, height: 700 };

function onSomeDisplay(state: Rect, areas: Rect[]): boolean {
  return areas.some((a) => state.x >= a.x && state.y >= a.y && state.x + state.width <= a.x + a.width && state.y + state.height <= a.y + a.height);
}

describe('clampWindowState', () => {
  it('keeps saved bounds that fit a display as they are', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    assert.deepEqual(clampWindowState(saved, [laptop, rightMonitor]), saved);
    const onSecond = { x: 2100, y: -100, width: 1600, height: 1000, maximized: true };
    assert.deepEqual(clampWindowState(onSecond, [laptop, rightMonitor]), onSecond);
  });

  it('centres the default size on the primary display when nothing (or garbage) was saved', () => {
    for (const saved of [null, undefined, 'x', 42, {}, { x: 'a', y: 1, width: 2, height: 3 }, { x: NaN, y: 0, width: 800, height: 600 }, { x: 0, y: 0, width: -5, height: 600 }]) {
      const state = clampWindowState(saved, [laptop, rightMonitor]);
      assert.equal(state.width, DEFAULT_WINDOW_SIZE.width, JSON.stringify(saved));
      assert.equal(state.x, Math.round((laptop.width - DEFAULT_WINDOW_SIZE.width) / 2));
      assert.ok(onSomeDisplay(state, [laptop]));
    }
  });

  it('brings back a window left on a monitor that is now unplugged', () => {
    const state = clampWindowState({ x: 2500, y: 100, width: 1400, height: 900, maximized: false }, [laptop]);
    assert.ok(onSomeDisplay(state, [laptop]), JSON.stringify(state));
    assert.equal(state.width, 1400);
  });

  it('brings back a window whose title bar is off screen even when part of it shows', () => {
    const state = clampWindowState({ x: 300, y: -700, width: 1000, height: 800, maximized: false }, [laptop]);
    assert.ok(onSomeDisplay(state, [laptop]), JSON.stringify(state));
  });

  it('slides a window that hangs over an edge back onto its display and shrinks one that is too big', () => {
    const hanging = clampWindowState({ x: 1500, y: 600, width: 1200, height: 800, maximized: false }, [laptop]);
    assert.ok(onSomeDisplay(hanging, [laptop]), JSON.stringify(hanging));
    assert.equal(hanging.width, 1200);
    const huge = clampWindowState({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [small]);
    assert.deepEqual({ w: huge.width, h: huge.height }, { w: small.width, h: small.height });
  });

  it('never goes below the minimum size unless the screen itself is smaller', () => {
    const tiny = clampWindowState({ x: 10, y: 10, width: 50, height: 40, maximized: false }, [laptop]);
    assert.deepEqual({ w: tiny.width, h: tiny.height }, { w: MIN_WINDOW_SIZE.width, h: MIN_WINDOW_SIZE.height });
    const fitted = clampWindowState(null, [{ x: 0, y: 0, width: 640, height: 480 }]);
    assert.ok(fitted.width <= 640 && fitted.height <= 480);
    assert.ok(MIN_WINDOW_SIZE.width > 640);
  });

  it('keeps the maximised flag', () => {
    assert.equal(clampWindowState({ x: 0, y: 0, width: 900, height: 700, maximized: true }, [laptop]).maximized, true);
    assert.equal(clampWindowState({ maximized: 'yes' }, [laptop]).maximized, false);
  });
});

describe('window state file', () => {
  it('round-trips through JSON in userData, and a broken file reads as a fresh start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-winstate-'));
    try {
      const file = windowStateFile(dir);
      assert.equal(await readWindowState(file), null);
      await writeWindowState(file, { x: 10.4, y: 20, width: 1000, height: 700, maximized: true });
      assert.deepEqual(await readWindowState(file), { x: 10, y: 20, width: 1000, height: 700, maximized: true });
      writeWindowStateSync(file, { x: 1, y: 2, width: 900, height: 600, maximized: false });
      assert.deepEqual(await readWindowState(file), { x: 1, y: 2, width: 900, height: 600, maximized: false });
      assert.deepEqual(await readdir(dir), ['window-state.json'], 'no temp files left behind');
      await writeFile(file, '{"x": 1, "y":');
      assert.equal(await readWindowState(file), null);
      assert.equal(clampWindowState(await readWindowState(file), [laptop]).width, DEFAULT_WINDOW_SIZE.width);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
