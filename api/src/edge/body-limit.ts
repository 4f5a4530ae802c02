// Request body size limit. Without it an anonymous caller could send documents of any size
// (issue 13: 8 MB documents until the heap ran out). A declared Content-Length over the limit
// is refused before a byte is read; a chunked body is counted as it streams and cut off
// once it passes the limit, so at most `maxBytes` is ever held in memory.
import type { Plugin } from "graphql-yoga";
import { edgeResponse } from "./edge-error";

export interface BodyLimitOptions {
  /** Largest body anyone may send. */
  maxBytes: number;
  /** Larger limit for callers `mayUploadLarge` admits (HR's assignment import sends a file of up to 10 MB as base64). */
  maxUploadBytes: number;
  /** Asked only when a body passes `maxBytes`, so ordinary requests pay nothing for it. */
  mayUploadLarge: (request: Request) => Promise<boolean>;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

function tooLarge(ResponseClass: typeof Response, limit: number): Response {
  return edgeResponse(
    ResponseClass,
    413,
    "PAYLOAD_TOO_LARGE",
    // Not `connection: close`: the refused body is drained behind the answer (discardRest),
    // so the connection stays usable and the client reads its 413.
    `Forespørselen er for stor: høyst ${formatBytes(limit)} er tillatt.`,
  );
}

/**
 * Reads and drops the rest of a refused body, up to `DISCARD_LIMIT_BYTES`, while the 413 is
 * already on its way (callers do not wait for it). A server that answers and closes while
 * the client is still sending makes the client's TCP stack see a reset, and most clients then
 * report a network error instead of the 413 (the fuzz's flood saw a fifth of its 8 MB POSTs
 * end that way). Nothing is kept, so memory stays flat; a body beyond the cap is cut off.
 */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let size = alreadyRead;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > DISCARD_LIMIT_BYTES) break;
    }
  } catch {
    return; // the client went away: nothing left to drain
  }
  await reader.cancel().catch(() => undefined);
}

/** The body's bytes, or null once they pass the limit that `limitFor` gives for that size. */
async function readBody(body: ReadableStream<Uint8Array>, limitFor: (size: number) => Promise<number>): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let limit = await limitFor(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) limit = await limitFor(size);
    if (size > limit) {
      void discardRest(reader, size);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function useBodyLimit(options: BodyLimitOptions): Plugin {
  const { maxBytes, maxUploadBytes, mayUploadLarge } = options;
  // One answer per request: the token is verified at most once here.
  const uploadLimit = async (request: Request) => ((await mayUploadLarge(request)) ? Math.max(maxBytes, maxUploadBytes) : maxBytes);

  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || !request.body) return;
      const declared = Number(request.headers.get("content-length") ?? NaN);
      setRequestParser(async (incoming) => {
        let decided: number | undefined;
        const limitFor = async (size: number) => {
          if (size <= maxBytes) return maxBytes;
          decided ??= await uploadLimit(incoming);
          return decided;
        };
        if (Number.isFinite(declared) && declared > (await limitFor(declared))) {
          // Refused before a byte is kept; what arrives is read and dropped (discardRest).
          if (incoming.body) void discardRest(incoming.body.getReader(), 0);
          return tooLarge(fetchAPI.Response, decided ?? maxBytes);
        }
        const bytes = incoming.body ? await readBody(incoming.body, limitFor) : null;
        if (!bytes) return tooLarge(fetchAPI.Response, decided ?? maxBytes);
        // The parser reads what was already counted, from memory.
        return requestParser(new fetchAPI.Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: bytes }));
      });
    },
  };
}
