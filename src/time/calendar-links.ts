import { html, type TemplateResult } from 'lit';
import { commonMessages } from '../i18n/common-messages.js';
import type { UiLanguage } from '../i18n/languages.js';
import { clock } from './clock.js';
import { googleCalendarUrl, icsFileName, icsHref, outlookCalendarUrl, type CalendarEntry } from './calendar.js';

/** "Add to calendar: Calendar file (.ics) · Google Calendar · Outlook", shared by countdown and agenda. */
export function renderCalendarLinks(entry: CalendarEntry, ui: UiLanguage): TemplateResult {
  const t = commonMessages[ui];
  return html`<nav class="calendar" part="calendar" aria-label="${t.addToCalendar}: ${entry.title}">
    <span class="calendar-label">${t.addToCalendar}${t.colon}</span>
    <a href=${icsHref([entry], new Date(clock.now()))} download=${icsFileName(entry)}>${t.downloadIcs}</a>
    <a href=${googleCalendarUrl(entry)} target="_blank" rel="noopener noreferrer">${t.googleCalendar}</a>
    <a href=${outlookCalendarUrl(entry)} target="_blank" rel="noopener noreferrer">${t.outlookCalendar}</a>
  </nav>`;
}
