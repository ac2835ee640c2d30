// `incident-tray ui`: the headless core plus the built renderer, served on loopback so the real UI
// runs in any Chromium where no Electron binary does (DESIGN.md §2, §6). The bridge travels as
// POST /bridge/invoke/<command> (commands) and a WebSocket at /bridge/events (snapshot pushes).
// Every request but the static files needs the one-time token printed with the URL.
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isCommandName, type View } from '../../../src-shared/bridge.js';
import { fail, type Result } from '../../../src-shared/result.js';
import { createCommandHandlers, dispatchCommand } from '../../core/command-handlers.js';
import type { Core } from '../../core/create-core.js';

export interface UiServerOptions {
  core: Core;
  rendererDir: string;
  host?: string;
  port?: number;
  /** Where allowed links go; the harness has no OS browser of its own by default. */
  openExternal?: (url: string) => Promise<void>;
}

export interface UiServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const BODY_LIMIT = 256 * 1024;

function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  return match?.[1];
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const { core, rendererDir } = options;
  const host = options.host ?? '127.0.0.1';
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`the renderer is not built (${rendererDir}/index.html missing): run \`npm run build\``);
  }
  const token = randomBytes(24).toString('base64url');
  const handlers = createCommandHandlers(core, {
    openExternal: options.openExternal ?? (async () => undefined),
    // The harness has one page; it switches view by its hash, so there is no window to show here.
    showWindow: async (_view: View) => undefined,
  });

  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT });
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 } });
  await app.register(fastifyStatic, { root: rendererDir, index: 'index.html', wildcard: false });

  // Fastify's own refusals (oversized or malformed bodies) answer in the bridge's Result shape too.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    reply.code(status).send(fail(status === 413 ? 'invalid_input' : status < 500 ? 'invalid_input' : 'internal', error.message));
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    // The same strict policy as the Electron shell; the harness connects back over ws: to itself.
    reply.header(
      'content-security-policy',
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  app.post<{ Params: { command: string } }>('/bridge/invoke/:command', async (request, reply): Promise<Result<unknown>> => {
    if (!tokenMatches(token, bearer(request.headers.authorization))) {
      reply.code(401);
      return fail('unauthorized', 'This page is not authorised: open the exact URL `incident-tray ui` printed.');
    }
    const name = request.params.command;
    if (!isCommandName(name)) {
      reply.code(404);
      return fail('not_found', `unknown command ${name}`);
    }
    const body = request.body as { input?: unknown } | undefined;
    return dispatchCommand(handlers, name, body?.input ?? null);
  });

  app.get<{ Querystring: { token?: string } }>('/bridge/events', { websocket: true }, (socket, request) => {
    if (!tokenMatches(token, request.query.token)) {
      socket.close(4401, 'unauthorized');
      return;
    }
    const unsubscribeSnapshots = core.onSnapshot((payload) => {
      socket.send(JSON.stringify({ event: 'snapshot.changed', payload }));
    });
    const unsubscribeProgress = core.onDeclareProgress((payload) => {
      socket.send(JSON.stringify({ event: 'declare.progress', payload }));
    });
    socket.on('close', () => {
      unsubscribeSnapshots();
      unsubscribeProgress();
    });
    socket.send(JSON.stringify({ event: 'snapshot.changed', payload: core.snapshot() }));
  });

  const address = await app.listen({ host, port: options.port ?? 0 });
  const url = new URL(address);
  url.searchParams.set('token', token);
  return {
    url: url.toString(),
    token,
    close: () => app.close(),
  };
}
