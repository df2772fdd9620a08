import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/** One page of a cursor-paged list, as the contract's list endpoints answer. */
export interface CursorPage<T> {
  items: T[];
  next_cursor: string | null;
}

/**
 * A cursor-paged list shown as "first page, then Show more": the first page is a task (rerun
 * when `args` change — a filter — or on `refresh()`); `loadMore()` appends the next page.
 */
export class CursorPages<T> {
  /** Items loaded by "Show more", after the first page's. */
  more: T[] = [];
  /** The next page's cursor; null when everything is shown. */
  cursor: string | null = null;
  loadingMore = false;
  readonly first: Task<readonly unknown[], CursorPage<T>>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (cursor: string | undefined, signal?: AbortSignal) => Promise<CursorPage<T>>,
    args: () => readonly unknown[],
    private readonly onError: (error: unknown) => void,
  ) {
    this.first = new Task(host, {
      task: async (_args, { signal }) => {
        const page = await fetchPage(undefined, signal);
        this.more = [];
        this.cursor = page.next_cursor;
        return page;
      },
      args,
    });
  }

  refresh(): void {
    void this.first.run();
  }

  readonly loadMore = async (): Promise<void> => {
    if (!this.cursor) return;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage(this.cursor);
      this.more = [...this.more, ...page.items];
      this.cursor = page.next_cursor;
    } catch (error) {
      this.onError(error);
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  };
}
