// The offices list's filter lives in the URL (?q=&status=&pilot=1), so a filtered view
// can be bookmarked, shared and navigated back to.

export const OFFICE_STATUSES = ["ACTIVE", "PLANNED", "MERGED", "CLOSED"] as const;
export type OfficeStatusValue = (typeof OFFICE_STATUSES)[number];

export interface OfficeSearch {
  /** Free text: name, office code or municipality. */
  q: string;
  status: OfficeStatusValue | null;
  pilotOnly: boolean;
}

export function parseOfficeSearch(params: URLSearchParams): OfficeSearch {
  const status = params.get("status");
  return {
    q: (params.get("q") ?? "").trim(),
    status: isOfficeStatus(status) ? status : null,
    pilotOnly: params.get("pilot") === "1",
  };
}

export function officeSearchToParams(search: OfficeSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.status) params.set("status", search.status);
  if (search.pilotOnly) params.set("pilot", "1");
  return params;
}

export function hasActiveFilter(search: OfficeSearch): boolean {
  return Boolean(search.q || search.status || search.pilotOnly);
}

/** The API's `OfficeFilter` input; fields left out mean "any". */
export interface OfficeFilterInput {
  text?: string;
  /** Any of these statuses (the UI picks one). */
  status?: OfficeStatusValue[];
  isPilot?: boolean;
}

export function toOfficeFilterInput(search: OfficeSearch): OfficeFilterInput {
  return {
    ...(search.q ? { text: search.q } : {}),
    ...(search.status ? { status: [search.status] } : {}),
    ...(search.pilotOnly ? { isPilot: true } : {}),
  };
}

export function isOfficeStatus(value: string | null): value is OfficeStatusValue {
  return (OFFICE_STATUSES as readonly (string | null)[]).includes(value);
}
