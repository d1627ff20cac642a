import type { IncomingMessage } from 'node:http';

/** Calls `onBlock` with each Server-Sent Events block (`event: …\ndata: …`) as it arrives on `res`. */
export function onEventBlocks(res: IncomingMessage, onBlock: (block: string) => void): void {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      onBlock(block);
    }
  });
}
