import { expect, type Page } from "@playwright/test";

export interface GraphQLResponse<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * Calls the API as the user signed in on `page`: the app's own GraphQL request when it
 * opens `path` gives the endpoint and the user's bearer token; the call then goes out with
 * the same headers the app's client sends.
 */
export async function apiAs(page: Page, path: string) {
  const appRequest = page.waitForRequest((req) => req.url().endsWith("/graphql") && req.method() === "POST");
  await page.goto(path);
  const captured = await appRequest;
  const url = captured.url();
  const authorization = (await captured.allHeaders())["authorization"]!;
  expect(authorization).toMatch(/^Bearer /);
  return async <Data = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await page.request.post(url, {
      headers: { authorization, "content-type": "application/json", "x-samla-csrf": "1" },
      data: { query, variables },
    });
    return (await response.json()) as GraphQLResponse<Data>;
  };
}
