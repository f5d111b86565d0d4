import { answerRequest, type HighlightRequest, type HighlightResponse } from './highlight-protocol';

/**
 * Owns shiki in the browser: its grammar chunks are evaluated and code is tokenised here, off the
 * main thread (a grammar's first evaluation alone took 100–850 ms there). Started by
 * highlight-client.ts. Typed by hand: the `webworker` lib conflicts with `dom` in one program.
 */
const scope = globalThis as unknown as {
  postMessage(message: HighlightResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HighlightRequest>) => void): void;
};

scope.addEventListener('message', ({ data }) => {
  void answerRequest(data).then((response) => scope.postMessage(response));
});
scope.postMessage({ ready: true });
