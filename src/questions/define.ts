import { CivicQuestions } from './civic-questions.js';

if (!customElements.get('civic-questions')) customElements.define('civic-questions', CivicQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'civic-questions': CivicQuestions;
  }
}
