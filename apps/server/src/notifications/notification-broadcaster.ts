import type { ServerResponse } from 'node:http';
import { isSessionAlive, type SessionPolicy } from '@qianke/core/accounts/session-policy';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { type NotificationRow, recentNotifications, streamSessions } from './notifications.repo';
import { toNotification } from './notifications.service';

/**
 * Live delivery of the bell over server-sent events.
 *
 * Design: notify() only inserts a row inside the caller's transaction; nothing is published from
 * inside a transaction. While at least one browser is connected, this broadcaster polls the
 * notifications of the connected users (one query for all of them, every `pollMs`, 2 s by default)
 * and pushes the rows it has not pushed before. It can read committed rows only, so a notification
 * whose transaction rolled back is never pushed, and it needs nothing but SQL, so it works the same
 * on PGlite and on PostgreSQL (no LISTEN connection), with any number of server processes.
 *
 * It compares ids, not times: created_at is when the inserting transaction started, so a slow
 * transaction can commit a row that is "older" than one already seen. Every poll looks back
 * `windowMinutes` (10 by default) by the database's clock and pushes each id it has not seen, so a
 * transaction committing within that window is never missed. On (re)connecting, the browser
 * re-reads its list, which covers anything before the stream opened.
 */
export type BroadcasterOptions = {
  db: Db;
  clock: Clock;
  sessionPolicy: SessionPolicy;
  log?: Pick<FastifyBaseLogger, 'error'>;
  pollMs?: number;
  heartbeatMs?: number;
  windowMinutes?: number;
};

type Stream = { raw: ServerResponse; tokenHash: string };

type Channel = {
  dealerId: string;
  userId: string;
  streams: Set<Stream>;
  /** Ids in the look-back window already pushed (or there before the first stream opened). */
  seen: Set<string>;
  primed: Promise<void>;
  ready: boolean;
  /** Streams between priming and attaching: the channel stays while they are on their way. */
  pending: number;
};

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  // Proxies such as nginx must not buffer the stream.
  'x-accel-buffering': 'no',
  // A stream is never followed by another request on its connection. Closing the connection with the
  // stream also lets the server stop at once: Node closes only idle keep-alive connections on close().
  connection: 'close',
};

const eventOf = (row: NotificationRow) =>
  `event: notification\ndata: ${JSON.stringify(toNotification(row))}\n\n`;

export const createNotificationBroadcaster = ({
  db,
  clock,
  sessionPolicy,
  log,
  pollMs = 2_000,
  heartbeatMs = 25_000,
  windowMinutes = 10,
}: BroadcasterOptions) => {
  const channels = new Map<string, Channel>();
  let closed = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  const running = new Set<Promise<void>>();

  const keyOf = (dealerId: string, userId: string) => `${dealerId}:${userId}`;
  const streamCount = () => [...channels.values()].reduce((n, c) => n + c.streams.size, 0);

  /** Runs one round of work, remembered so that close() can wait for it before the database closes. */
  const track = (work: () => Promise<void>, what: string) => {
    const promise = work()
      .catch((error: unknown) => log?.error({ err: error }, `notification stream: ${what} failed`))
      .finally(() => running.delete(promise));
    running.add(promise);
    return promise;
  };

  const write = (stream: Stream, text: string) => {
    if (!stream.raw.writableEnded && !stream.raw.destroyed) stream.raw.write(text);
  };

  const dropIfIdle = (channel: Channel) => {
    const key = keyOf(channel.dealerId, channel.userId);
    if (channel.streams.size === 0 && channel.pending === 0 && channels.get(key) === channel) {
      channels.delete(key);
    }
  };

  const end = (channel: Channel, stream: Stream) => {
    channel.streams.delete(stream);
    if (!stream.raw.writableEnded) stream.raw.end();
    dropIfIdle(channel);
  };

  const poll = async () => {
    const included = [...channels.values()].filter((c) => c.ready && c.streams.size > 0);
    if (included.length === 0) return;
    const rows = await recentNotifications(db, included, windowMinutes);
    const byKey = new Map<string, NotificationRow[]>();
    for (const row of rows) {
      const key = keyOf(row.dealerId, row.userId);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    for (const channel of included) {
      const mine = byKey.get(keyOf(channel.dealerId, channel.userId)) ?? [];
      for (const row of mine) {
        if (channel.seen.has(row.id)) continue;
        for (const stream of channel.streams) write(stream, eventOf(row));
      }
      // What left the window can never come back into it: the set stays as small as the window.
      channel.seen = new Set(mine.map((row) => row.id));
    }
  };

  /** A comment line keeps proxies from closing an idle stream; a stream whose session ended is closed. */
  const heartbeat = async () => {
    const open = [...channels.values()].flatMap((channel) =>
      [...channel.streams].map((stream) => ({ channel, stream })),
    );
    if (open.length === 0) return;
    for (const { stream } of open) write(stream, ': heartbeat\n\n');
    const states = await streamSessions(db, [...new Set(open.map((o) => o.stream.tokenHash))]);
    const now = clock.now();
    const alive = new Set(
      states.filter((s) => !s.disabledAt && isSessionAlive(s, now, sessionPolicy)).map((s) => s.tokenHash),
    );
    for (const { channel, stream } of open) if (!alive.has(stream.tokenHash)) end(channel, stream);
  };

  const schedule = () => {
    if (closed || streamCount() === 0) return;
    pollTimer ??= setTimeout(() => {
      pollTimer = undefined;
      void track(poll, 'poll').then(schedule);
    }, pollMs).unref();
    heartbeatTimer ??= setInterval(() => {
      if (streamCount() === 0) {
        clearInterval(heartbeatTimer);
        heartbeatTimer = undefined;
        return;
      }
      void track(heartbeat, 'heartbeat');
    }, heartbeatMs).unref();
  };

  const prime = async (channel: Channel) => {
    const rows = await recentNotifications(db, [channel], windowMinutes);
    channel.seen = new Set(rows.map((row) => row.id));
    channel.ready = true;
  };

  /**
   * Turns the request into an event stream of the caller's new notifications. Errors before the
   * stream starts (the database unreachable) are answered like any other request's.
   */
  const subscribe = async (ctx: AuthContext, request: FastifyRequest, reply: FastifyReply) => {
    const key = keyOf(ctx.homeDealerId, ctx.userId);
    let channel = channels.get(key);
    if (!channel) {
      const created: Channel = {
        dealerId: ctx.homeDealerId,
        userId: ctx.userId,
        streams: new Set(),
        seen: new Set(),
        primed: Promise.resolve(),
        ready: false,
        pending: 0,
      };
      created.primed = prime(created);
      channels.set(key, created);
      channel = created;
    }
    channel.pending++;
    try {
      await channel.primed;
    } catch (error) {
      // The next connection primes afresh.
      if (channels.get(key) === channel) channels.delete(key);
      throw error;
    } finally {
      channel.pending--;
    }
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { ...SSE_HEADERS, 'x-request-id': request.id });
    if (closed) {
      // The server is stopping: the browser reconnects (to this server once restarted, or another).
      dropIfIdle(channel);
      raw.end('retry: 5000\n\n');
      return;
    }
    // The browser retries 5 s after a lost connection; the comment flushes the headers at once.
    raw.write('retry: 5000\n: connected\n\n');
    const stream: Stream = { raw, tokenHash: ctx.tokenHash };
    channel.streams.add(stream);
    const owner = channel;
    raw.on('close', () => end(owner, stream));
    schedule();
  };

  /** Ends every stream (so that closing the server does not wait for browsers) and stops polling. */
  const close = async () => {
    closed = true;
    clearTimeout(pollTimer);
    clearInterval(heartbeatTimer);
    pollTimer = undefined;
    heartbeatTimer = undefined;
    for (const channel of [...channels.values()]) {
      for (const stream of [...channel.streams]) end(channel, stream);
    }
    channels.clear();
    await Promise.all([...running]);
  };

  return { subscribe, close, streamCount };
};

export type NotificationBroadcaster = ReturnType<typeof createNotificationBroadcaster>;
