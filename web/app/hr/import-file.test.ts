import { describe, expect, it } from "vitest";
import { base64FromBytes, IMPORT_COLUMNS, importTemplateCsv } from "./import-file";

describe("import file helpers", () => {
  it("the template's header row is the columns importAssignments reads", () => {
    const [header] = importTemplateCsv().replace("\uFEFF", "").split("\r\n");
    expect(header?.split(",")).toEqual([...IMPORT_COLUMNS]);
  });

  it("encodes bytes as base64, also beyond one chunk", () => {
    const text = "e-post,rolle\nøl@nav.no,VEILEDER\n";
    const bytes = new TextEncoder().encode(text);
    expect(base64FromBytes(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    const large = new Uint8Array(100_000).map((_, index) => index % 251);
    expect(base64FromBytes(large)).toBe(Buffer.from(large).toString("base64"));
  });
});
