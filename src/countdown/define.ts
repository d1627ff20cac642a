import { CivicCountdown } from './civic-countdown.js';

if (!customElements.get('civic-countdown')) customElements.define('civic-countdown', CivicCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'civic-countdown': CivicCountdown;
  }
}
