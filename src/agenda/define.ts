import { CivicAgenda } from './civic-agenda.js';

if (!customElements.get('civic-agenda')) customElements.define('civic-agenda', CivicAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'civic-agenda': CivicAgenda;
  }
}
