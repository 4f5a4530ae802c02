// Bounded parse and validation caches. yoga keeps each distinct document (its full text as the
// key) in an LRU of 1,024 entries by default, whatever their size: 1,024 distinct 8 MB
// documents are 8 GB (issue 13). Here documents over `maxDocumentBytes` are not cached at all
// (ours are a few kB; a large one is parsed each time it comes, which costs less than keeping
// it), and the cached texts together stay under `maxTotalBytes`.
import type { DocumentNode } from "graphql";
import type { YogaServerOptions } from "graphql-yoga";
import { LRUCache } from "lru-cache";

export interface ParseCacheLimits {
  maxDocuments: number;
  maxDocumentBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_PARSE_CACHE_LIMITS: ParseCacheLimits = {
  maxDocuments: 1_000,
  maxDocumentBytes: 32 * 1024,
  maxTotalBytes: 16 * 1024 * 1024,
};

type ParserCacheOptions = Exclude<YogaServerOptions<object, object>["parserAndValidationCache"], boolean | undefined>;

/** An LRU keyed by document text; the key's length (UTF-16 units, ~bytes for GraphQL) is its size. */
function documentTextCache<V extends object>(limits: ParseCacheLimits) {
  return new LRUCache<string, V>({
    max: limits.maxDocuments,
    maxSize: limits.maxTotalBytes,
    // Entries over maxEntrySize are silently not stored.
    maxEntrySize: limits.maxDocumentBytes,
    sizeCalculation: (_value, key) => Math.max(1, key.length),
    ttl: 3_600_000,
  });
}

/**
 * yoga's `parserAndValidationCache` with bounded caches. Validation results are cached by the
 * parsed document object (a WeakMap inside yoga), so they live and die with the document cache.
 */
export function boundedParserCache(limits: ParseCacheLimits = DEFAULT_PARSE_CACHE_LIMITS): ParserCacheOptions {
  return {
    documentCache: documentTextCache<DocumentNode>(limits),
    // Syntax errors are cached too (keyed the same way), so they need the same bound.
    errorCache: documentTextCache<object>(limits),
    validationCache: true,
  };
}
