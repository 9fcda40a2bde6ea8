/**
 * The embed's side of the postMessage API (message shapes in src/lib/embed-api.ts, documented in the README, "Controlling the embed with postMessage").
 * Browser only: call `connectEmbedBridge` from onMount.
 */
import { MESSAGE_CONTEXT, originOf, parseEmbedCommand, type EmbedEvent, type EmbedEventName } from './embed-api';

export interface BridgeTarget {
	seek(seconds: number, play: boolean): void;
	play(): void;
	pause(): void;
	/** What the events report. */
	snapshot(): { currentTime: number; duration: number | null; paused: boolean };
}

export interface EmbedBridge {
	emit(event: EmbedEventName): void;
	disconnect(): void;
}

/**
 * Listens for commands from the embedding page and sends it events.
 *
 * Origin checks: commands are taken only from the window that framed us (`event.source === parent`) and, once the
 * host's origin is known, only from that origin; events are posted to that origin and never to "*", so another
 * site cannot listen in by framing the host page. The host origin is, in order: `declaredOrigin` (the embed URL's
 * `?origin=`, which also locks commands to it), the browser's ancestorOrigins, the referrer, or else the origin of
 * the first command received.
 */
export function connectEmbedBridge(target: BridgeTarget, declaredOrigin: string | null): EmbedBridge {
	const framed = window.parent !== window;
	const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
	let hostOrigin = originOf(declaredOrigin) ?? (ancestors?.length ? originOf(ancestors[0]) : null) ?? originOf(document.referrer);
	let readySent = false;

	function emit(name: EmbedEventName): void {
		if (!framed || !hostOrigin) return;
		if (name === 'ready') readySent = true;
		const message: EmbedEvent = { context: MESSAGE_CONTEXT, event: name, ...target.snapshot(), src: location.href };
		window.parent.postMessage(message, hostOrigin);
	}

	function onmessage(event: MessageEvent): void {
		if (!framed || event.source !== window.parent) return;
		const command = parseEmbedCommand(event.data);
		if (!command) return;
		if (hostOrigin && event.origin !== hostOrigin) return;
		if (!hostOrigin) {
			// Nothing told us who framed us: the first well-formed command from our parent does.
			hostOrigin = originOf(event.origin);
			if (!hostOrigin) return;
		}
		if (!readySent) emit('ready');
		if (command.command === 'seek') target.seek(command.seconds, command.play ?? false);
		else if (command.command === 'play') target.play();
		else target.pause();
	}

	window.addEventListener('message', onmessage);
	return {
		emit,
		disconnect: () => window.removeEventListener('message', onmessage)
	};
}
