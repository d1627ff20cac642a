import { html, nothing, type TemplateResult } from 'lit';
import { commonMessages } from '../i18n/common-messages.js';
import type { LocaleController } from '../i18n/locale-controller.js';
import { dateTimeFormat } from '../time/format.js';
import type { FeedState } from './store.js';

/**
 * What a widget shows instead of its content while there is no feed to show: no source, loading,
 * or an error. Returns `nothing` when there is a feed (possibly a stale one).
 */
export function renderFeedStatus(state: FeedState | undefined, locale: LocaleController): TemplateResult | typeof nothing {
  const t = commonMessages[locale.ui];
  if (!state) return html`<p class="notice" part="notice" role="status">${t.noSource}</p>`;
  if (state.feed) return nothing;
  if (state.status === 'error' && state.error) {
    return html`<div class="error" part="error" role="alert">
      <strong>${t.errorTitle}</strong> ${t.errors[state.error.code]}
    </div>`;
  }
  return html`<p class="notice" part="notice" role="status" aria-busy="true">${t.loading}</p>`;
}

/** The line above a last good copy when the feed could not be refreshed. */
export function renderStaleNote(state: FeedState | undefined, locale: LocaleController): TemplateResult | typeof nothing {
  if (state?.status !== 'stale' || state.updatedAt === undefined) return nothing;
  const when = dateTimeFormat(locale.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(state.updatedAt);
  return html`<p class="stale" part="notice" role="status">${commonMessages[locale.ui].staleSince(when)}</p>`;
}
