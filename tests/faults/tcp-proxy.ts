/**
 * A TCP proxy on 127.0.0.1 in front of the shared PostgreSQL, so a suite can pull the network cable on one server's
 * database without touching the cluster other suites use (not a test file).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
	port: number;
	/** Drops every open connection and stops listening: new connections are refused (ECONNREFUSED). */
	cut(): Promise<void>;
	/** Listens again on the same port. */
	restore(): Promise<void>;
	close(): Promise<void>;
}

/** Starts forwarding 127.0.0.1:<free port> to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
	const sockets = new Set<Socket>();
	let server: Server | null = null;
	let port = 0;

	const listen = () =>
		new Promise<void>((resolve, reject) => {
			server = createServer((client) => {
				const upstream = connect(target.port, target.host);
				for (const s of [client, upstream]) {
					sockets.add(s);
					s.on('close', () => sockets.delete(s));
					s.on('error', () => {}); // the other side is closed below; nothing to report
				}
				client.pipe(upstream).on('close', () => client.destroy());
				upstream.pipe(client).on('close', () => upstream.destroy());
				client.on('close', () => upstream.destroy());
				upstream.on('close', () => client.destroy());
			});
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				port = (server!.address() as { port: number }).port;
				resolve();
			});
		});

	const stop = () =>
		new Promise<void>((resolve) => {
			for (const s of sockets) s.destroy();
			sockets.clear();
			if (!server) return resolve();
			server.close(() => resolve());
			server = null;
		});

	await listen();
	return { get port() { return port; }, cut: stop, restore: listen, close: stop };
}
