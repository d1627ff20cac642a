import type { ReactiveController, ReactiveControllerHost } from 'lit';

const controllers = new Set<HashController>();
let listening = false;

function onHashChange(): void {
  controllers.forEach((c) => c.host.requestUpdate());
}

/**
 * Keeps its host in step with `location.hash`: re-renders it on `hashchange` (one page-wide
 * listener), and writes with `replaceState` so that typing in a search adds no history entries.
 */
export class HashController implements ReactiveController {
  constructor(readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get hash(): string {
    return location.hash;
  }

  set hash(value: string) {
    if (value === location.hash || (!value && !location.hash)) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${value}`);
  }

  hostConnected(): void {
    controllers.add(this);
    if (!listening) {
      listening = true;
      window.addEventListener('hashchange', onHashChange);
    }
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }
}
