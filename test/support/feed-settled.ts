import { feedStoreFor, type FeedState } from '../../src/feed/store.js';

/** The store's first answer for `url` that is not `loading` (it is then kept in the page's store). */
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
