import { CivicAdminConsole } from './civic-admin-console.js';
import { CivicPresenter } from './civic-presenter.js';

if (!customElements.get('civic-admin-console')) customElements.define('civic-admin-console', CivicAdminConsole);
if (!customElements.get('civic-presenter')) customElements.define('civic-presenter', CivicPresenter);

declare global {
  interface HTMLElementTagNameMap {
    'civic-admin-console': CivicAdminConsole;
    'civic-presenter': CivicPresenter;
  }
}
