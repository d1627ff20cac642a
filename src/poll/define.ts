import { CivicPoll } from './civic-poll.js';

if (!customElements.get('civic-poll')) customElements.define('civic-poll', CivicPoll);

declare global {
  interface HTMLElementTagNameMap {
    'civic-poll': CivicPoll;
  }
}
