// Norwegian alphabetical order (Æ, Ø, Å last). One shared collator: `localeCompare` with a
// locale argument builds a new one per call, which shows in profiles of large sorts.
export const norwegianOrder = new Intl.Collator("nb").compare;
