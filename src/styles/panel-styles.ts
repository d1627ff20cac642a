import { css } from 'lit';

/**
 * The framed box of the participation widgets (poll, questions): a grid with the widget's spacing and
 * border, headings and lists without the page's margins, a row of action buttons and the status
 * message under the form. Their root carries `class="panel"`.
 */
export const panelStyles = css`
  .panel {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h2,
  h3,
  p,
  ol,
  ul,
  form,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .message:not(:empty) {
    padding: calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_subtle);
    border-inline-start: 4px solid var(--_success);
  }
  .message.warn {
    border-inline-start-color: var(--_danger);
  }
`;
