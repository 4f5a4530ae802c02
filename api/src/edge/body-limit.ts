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
    `Forespørselen er for stor: høyst ${formatBytes(limit)} er tillatt.`,
    // The rest of the body is not read: tell the client not to reuse the connection.
    { connection: "close" },
  );
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
      await reader.cancel().catch(() => undefined);
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
          await incoming.body?.cancel().catch(() => undefined);
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
