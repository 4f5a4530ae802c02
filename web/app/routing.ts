import { useLoaderData } from "@remix-run/react";

/**
 * useLoaderData for a clientLoader. In SPA mode clientLoader data is handed over as it
 * is (never serialised), so promises and functions survive; Remix's own type would
 * describe the JSON-serialised form.
 */
export function useClientLoaderData<Loader extends (...args: never[]) => unknown>(): Awaited<ReturnType<Loader>> {
  return useLoaderData() as Awaited<ReturnType<Loader>>;
}
