// Opens the store a command's --db names (loaded lazily, so --help stays fast), runs one piece of work
// on it, and closes it whatever happens.
import type { Store } from '../store/index.js';

export async function withStore<T>(db: string | undefined, run: (store: Store) => Promise<T>): Promise<T> {
  const { openConfiguredStore } = await import('../store/index.js');
  const store = await openConfiguredStore(db);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
