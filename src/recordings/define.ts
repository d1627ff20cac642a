import { CivicRecordings } from './civic-recordings.js';

if (!customElements.get('civic-recordings')) customElements.define('civic-recordings', CivicRecordings);

declare global {
  interface HTMLElementTagNameMap {
    'civic-recordings': CivicRecordings;
  }
}
