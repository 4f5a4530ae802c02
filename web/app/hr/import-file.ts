// The import file's columns (as importAssignments reads them), the downloadable CSV
// template, and base64 for sending the file in a GraphQL variable.

export const IMPORT_COLUMNS = ["e-post", "rolle", "kontor", "team", "stillingsprosent", "fra", "til", "rapporterer_til"] as const;

const EXAMPLE_ROW = ["fornavn.etternavn@nav.example", "VEILEDER", "3030", "Mottak og veiledning", "100", "01.01.2027", "", ""];

/** The template: the header row and one example row, UTF-8 with a BOM so Excel reads æøå. */
export function importTemplateCsv(): string {
  return `\uFEFF${IMPORT_COLUMNS.join(",")}\r\n${EXAMPLE_ROW.join(",")}\r\n`;
}

/** Base64 of bytes, in chunks (String.fromCharCode with a 10 MB spread overflows the stack). */
export function base64FromBytes(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}
