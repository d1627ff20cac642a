import { createContext } from '@lit/context';
import type { FeedState } from './store.js';

/** What `<civic-event>` gives the widgets inside it. */
export const feedContext = createContext<FeedState | undefined>(Symbol.for('civic-widgets.feed'));
