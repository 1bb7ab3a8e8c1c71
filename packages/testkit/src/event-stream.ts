import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** One console event stream read as a browser tab would, for tests: every event kept in order. */
export class EventStreamReader {
  readonly events: EventSourceMessage[] = [];
  /** Bytes received, comments and heartbeats included. */
  bytes = 0;
  status = 0;
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];
  private done: Promise<void> = Promise.resolve();

  /** `path`: another stream than the console's own (`/api/wall/events`); `headers`: e.g. a display link. */
  static async open(
    baseUrl: string,
    cookie: string,
    options: { lastEventId?: string; path?: string; headers?: Record<string, string> } = {},
  ): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
    if (cookie) headers.cookie = cookie;
    if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    const response = await fetch(`${baseUrl}${options.path ?? '/api/events'}`, {
      headers,
      signal: reader.controller.signal,
    });
    reader.status = response.status;
    if (!response.ok || !response.body) return reader;
    const parser = createParser({
      onEvent: (event) => {
        reader.events.push(event);
        for (const wake of reader.waiters.splice(0)) wake();
      },
    });
    const decoder = new TextDecoder();
    const body = response.body.getReader();
    reader.done = (async () => {
      try {
        for (;;) {
          const { value, done } = await body.read();
          if (done) break;
          reader.bytes += value.byteLength;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch {
        // Closed by close() or by the server.
      } finally {
        for (const wake of reader.waiters.splice(0)) wake();
      }
    })();
    return reader;
  }

  /** Data of every event with that name, parsed. */
  named<T = unknown>(name: string): T[] {
    return this.events.filter((e) => e.event === name).map((e) => JSON.parse(e.data) as T);
  }

  lastId(): string | undefined {
    return this.events.at(-1)?.id;
  }

  /** Waits until an event satisfies the test (those already received count); fails after timeoutMs. */
  async waitFor(
    test: (event: EventSourceMessage) => boolean,
    timeoutMs = 15_000,
  ): Promise<EventSourceMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(test);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such event within ${timeoutMs} ms (${this.events.length} received)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the server ended the stream. */
  ended(): Promise<void> {
    return this.done;
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}
