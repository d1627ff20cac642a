import { CivicEvent } from './civic-event.js';

if (!customElements.get('civic-event')) customElements.define('civic-event', CivicEvent);

declare global {
  interface HTMLElementTagNameMap {
    'civic-event': CivicEvent;
  }
}
