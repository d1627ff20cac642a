// The smallest Lit element: what any element built on Lit costs before it does anything.
import { LitElement, css, html } from 'lit';

class LitFloor extends LitElement {
  static override properties = { label: {} };
  declare label: string;
  static override styles = css`:host{display:block}`;
  override render() {
    return html`<p>${this.label}</p>`;
  }
}
customElements.define('lit-floor', LitFloor);
