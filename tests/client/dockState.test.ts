import { describe, expect, it } from 'vitest';
import { DockStore } from '../../src/client/dockState';

describe('the dock state', () => {
  it('opens a server tab, shows it and makes it active', () => {
    const dock = new DockStore();
    dock.open({ kind: 'server', name: 'main' });
    expect(dock.get()).toMatchObject({ tabs: [{ kind: 'server', name: 'main' }], active: 'main' });
  });

  it('changes nothing when a live tab that is already shown is opened again (every Run does)', () => {
    const dock = new DockStore();
    dock.open({ kind: 'server', name: 'main' });
    const before = dock.get();
    let changes = 0;
    dock.subscribe(() => (changes += 1));
    dock.open({ kind: 'server', name: 'main' });
    expect(dock.get()).toBe(before);
    expect(changes).toBe(0);
  });

  it('reveals a collapsed dock, or another active tab, when an open tab is opened again', () => {
    const dock = new DockStore();
    dock.open({ kind: 'server', name: 'main' });
    dock.open({ kind: 'server', name: 'second' });
    dock.setCollapsed(true);
    const tabs = dock.get().tabs;
    dock.open({ kind: 'server', name: 'main' });
    expect(dock.get()).toMatchObject({ active: 'main', collapsed: false });
    expect(dock.get().tabs).toBe(tabs);
  });

  it('replaces an ended tab, so that its view attaches anew', () => {
    const dock = new DockStore();
    dock.open({ kind: 'server', name: 'main' });
    dock.markEnded('main');
    dock.open({ kind: 'server', name: 'main' });
    expect(dock.get().tabs).toEqual([{ kind: 'server', name: 'main' }]);
  });

  it('opens a background tab without taking the active one', () => {
    const dock = new DockStore();
    dock.open({ kind: 'server', name: 'main' });
    dock.open({ kind: 'server', name: 'main.bg-1' }, { reveal: false });
    expect(dock.get().active).toBe('main');
    expect(dock.get().tabs.map((tab) => tab.name)).toEqual(['main', 'main.bg-1']);
  });
});
