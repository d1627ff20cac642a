import { feedStoreFor, type FeedState } from '../../src/feed/store.js';

/**
 * The store's first answer for `url` that is not `loading`. A widget mounted next within the refresh
 * interval gets it from the offline copy with no new request (the released store remembers when it loaded).
 */
export function settled(url: string): Promise<FeedState> {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    unsubscribe = feedStoreFor(url).subscribe((state) => {
      if (state.status !== 'loading') {
        queueMicrotask(() => unsubscribe());
        resolve(state);
      }
    });
  });
}
