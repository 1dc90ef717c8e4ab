import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a database that a test can take down and bring back, the way a
 * network fault or a restarting server looks to the registry.
 *
 * Two ways down: `stop()` closes the port (connections are refused), `blackhole()` accepts
 * connections and never answers (a dead host behind a live network). The Worker tests use the
 * latter: wrangler's local Hyperdrive relay has no error handler on its database socket, so a
 * refused or reset connection kills `wrangler dev` itself; a deployed Hyperdrive reports it.
 */
export class TcpProxy {
  #server: Server | undefined;
  #relayed = new Set<Socket>();
  #mode: 'relay' | 'blackhole' = 'relay';

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** Listens and relays. */
  async start(): Promise<void> {
    this.#mode = 'relay';
    if (this.#server) return;
    const server = createServer((client) => this.#accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
  }

  /** Connections open but unanswered; the relayed ones are ended gracefully. */
  blackhole(): void {
    this.#mode = 'blackhole';
    for (const socket of this.#relayed) socket.end();
  }

  /** Closes the port: new connections are refused, open ones cut. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#relayed) socket.destroy();
    this.#relayed.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #accept(client: Socket): void {
    client.on('error', () => client.destroy());
    if (this.#mode === 'blackhole') {
      // Read and drop, so that closing later sends no reset; answer the client's end with ours.
      client.resume();
      client.on('end', () => client.end());
      return;
    }

    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.#relayed.add(socket);
      socket.on('close', () => this.#relayed.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }
}
