import { describe, expect, it } from 'vitest';
import { createFakeTimers } from '../app/fake-timers';
import { createSyncTriggers, type SyncTrigger, type TriggerEnvironment } from './sync-triggers';

const setup = (visible = true) => {
  const timers = createFakeTimers();
  const online = new EventTarget();
  const visibility = new EventTarget();
  let isVisible = visible;
  const env: TriggerEnvironment = {
    onOnline: (l) => {
      online.addEventListener('online', l);
      return () => online.removeEventListener('online', l);
    },
    onVisibilityChange: (l) => {
      visibility.addEventListener('change', l);
      return () => visibility.removeEventListener('change', l);
    },
    isVisible: () => isVisible,
    setTimer: timers.setTimer,
  };
  const fired: SyncTrigger[] = [];
  const triggers = createSyncTriggers({ fire: (t) => fired.push(t), env, intervalMs: 60_000, debounceMs: 300 });
  return {
    triggers,
    fired,
    timers,
    goOnline: () => online.dispatchEvent(new Event('online')),
    setVisible: (v: boolean) => {
      isVisible = v;
      visibility.dispatchEvent(new Event('change'));
    },
  };
};

describe('sync triggers', () => {
  it('debounces a burst of local changes into one sync, 300 ms after the last', () => {
    const t = setup();
    t.triggers.localChange();
    t.timers.advance(200);
    t.triggers.localChange();
    t.timers.advance(200);
    t.triggers.localChange();
    t.timers.advance(299);
    expect(t.fired).toEqual([]);
    t.timers.advance(1);
    expect(t.fired).toEqual(['local-change']);
    t.timers.advance(1000);
    expect(t.fired).toEqual(['local-change']);
  });

  it('syncs every interval while visible, counting from the last sync of any kind', () => {
    const t = setup();
    t.timers.advance(60_000);
    expect(t.fired).toEqual(['interval']);
    t.timers.advance(30_000);
    t.goOnline();
    t.timers.advance(59_999);
    expect(t.fired).toEqual(['interval', 'online']);
    t.timers.advance(1);
    expect(t.fired).toEqual(['interval', 'online', 'interval']);
    // A sync started elsewhere (Sign in, Sync now) re-arms the interval too.
    t.timers.advance(50_000);
    t.triggers.rearm();
    t.timers.advance(59_000);
    expect(t.fired).toHaveLength(3);
  });

  it('stops the timer in a hidden tab and syncs when the tab is shown again', () => {
    const t = setup();
    t.setVisible(false);
    t.timers.advance(10 * 60_000);
    expect(t.fired).toEqual([]);
    expect(t.timers.pending()).toBe(0);
    t.setVisible(true);
    expect(t.fired).toEqual(['visible']);
    t.timers.advance(60_000);
    expect(t.fired).toEqual(['visible', 'interval']);
  });

  it('arms no timer for a tab opened in the background', () => {
    const t = setup(false);
    t.timers.advance(120_000);
    expect(t.fired).toEqual([]);
  });

  it('fires on coming online', () => {
    const t = setup();
    t.goOnline();
    expect(t.fired).toEqual(['online']);
  });

  it('does nothing after stop, and leaves no timer or listener behind', () => {
    const t = setup();
    t.triggers.localChange();
    t.triggers.stop();
    expect(t.timers.pending()).toBe(0);
    t.goOnline();
    t.setVisible(true);
    t.triggers.localChange();
    t.triggers.rearm();
    t.timers.advance(120_000);
    expect(t.fired).toEqual([]);
  });
});
