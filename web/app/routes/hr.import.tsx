// /hr/import: bulk import of assignments from CSV or XLSX. Choose a file → preview (a
// dry run: every row checked, nothing written) with row-level errors → import (one
// transaction: all rows or none) with progress → result.
import { DownloadIcon } from "@navikt/aksel-icons";
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  FileUpload,
  Heading,
  HStack,
  Link,
  ProgressBar,
  Table,
  VStack,
  type FileObject,
} from "@navikt/ds-react";
import type { MetaFunction } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { signIn } from "../auth";
import { ErrorState } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { formatNumber, formatPercent, t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { mayUseHr } from "../hr/access";
import { HrSubNav, NoAccess } from "../hr/components";
import { ImportAssignmentsMutation } from "../hr/documents";
import { base64FromBytes, IMPORT_COLUMNS, importTemplateCsv } from "../hr/import-file";
import { ht } from "../hr/texts";

export const meta: MetaFunction = () => [{ title: `${ht("hr.import.title")} – ${ht("hr.title")} – ${t("app.name")}` }];

export async function clientLoader() {
  const session = await signIn();
  return { allowed: mayUseHr(session.user.roles) };
}

type ImportResult = ResultOf<typeof ImportAssignmentsMutation>["importAssignments"];
const MAX_BYTES = 10 * 1024 * 1024;
const PREVIEW_ROWS = 200;

type Step =
  | { kind: "choose" }
  | { kind: "checking" }
  | { kind: "preview"; result: ImportResult }
  | { kind: "importing"; rowCount: number }
  | { kind: "done"; result: ImportResult };

export default function HrImportRoute() {
  const { allowed } = useClientLoaderData<typeof clientLoader>();
  if (!allowed) return <NoAccess />;
  return <HrImport />;
}

function HrImport() {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [failure, setFailure] = useState<unknown>(null);
  const templateUrl = useTemplateUrl();

  const run = async (dryRun: boolean) => {
    if (!file) return setFileError(ht("hr.import.chooseFile"));
    setFailure(null);
    const rowCount = step.kind === "preview" ? step.result.rowCount : 0;
    setStep(dryRun ? { kind: "checking" } : { kind: "importing", rowCount });
    try {
      const contentBase64 = base64FromBytes(new Uint8Array(await file.arrayBuffer()));
      const data = await request(ImportAssignmentsMutation, { input: { fileName: file.name, contentBase64, dryRun } });
      const result = data.importAssignments;
      setStep(dryRun || result.errors.length > 0 ? { kind: "preview", result } : { kind: "done", result });
    } catch (error) {
      setFailure(error);
      setStep({ kind: "choose" });
    }
  };

  const choose = (files: FileObject[]) => {
    const chosen = files[0];
    setStep({ kind: "choose" });
    setFailure(null);
    if (!chosen) return;
    if (chosen.error) {
      setFile(null);
      setFileError(chosen.reasons.includes("fileSize") ? ht("hr.import.tooLarge") : ht("hr.import.wrongType"));
      return;
    }
    setFileError(undefined);
    setFile(chosen.file);
  };

  const busy = step.kind === "checking" || step.kind === "importing";

  return (
    <VStack gap="space-24">
      <HrSubNav />
      <VStack gap="space-8" style={{ maxWidth: "48rem" }}>
        <Heading level="1" size="xlarge">
          {ht("hr.import.title")}
        </Heading>
        <BodyLong>{ht("hr.import.intro")}</BodyLong>
        <BodyShort size="small">{ht("hr.import.columns", { columns: IMPORT_COLUMNS.join(", ") })}</BodyShort>
        {templateUrl && (
          <HStack>
            <Link href={templateUrl} download="samla-tilsettinger-mal.csv">
              <DownloadIcon aria-hidden />
              {ht("hr.import.template")}
            </Link>
          </HStack>
        )}
      </VStack>

      {step.kind !== "done" && (
        <VStack gap="space-16" style={{ maxWidth: "40rem" }}>
          <FileUpload.Dropzone
            label={ht("hr.import.file")}
            description={ht("hr.import.fileDescription")}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxSizeInBytes={MAX_BYTES}
            multiple={false}
            fileLimit={{ max: 1, current: file ? 1 : 0 }}
            onSelect={choose}
            error={fileError}
            disabled={busy}
          />
          {file && (
            <FileUpload.Item
              as="div"
              file={file}
              button={{ action: "delete", onClick: () => (setFile(null), setStep({ kind: "choose" })) }}
            />
          )}
          <HStack gap="space-16">
            <Button type="button" variant={step.kind === "preview" ? "secondary" : "primary"} onClick={() => void run(true)} loading={step.kind === "checking"} disabled={busy}>
              {ht("hr.import.preview")}
            </Button>
            {step.kind === "preview" && step.result.errors.length === 0 && step.result.rowCount > 0 && (
              <Button type="button" onClick={() => void run(false)}>
                {ht("hr.import.run", { count: formatNumber(step.result.rowCount) })}
              </Button>
            )}
          </HStack>
        </VStack>
      )}

      {failure !== null && <ErrorState title={ht("hr.import.failed")} error={failure} />}
      {step.kind === "checking" && <Progress text={ht("hr.import.previewing")} />}
      {step.kind === "importing" && <Progress text={ht("hr.import.importing", { count: formatNumber(step.rowCount) })} />}
      {step.kind === "preview" && <Preview result={step.result} />}
      {step.kind === "done" && (
        <VStack gap="space-16" align="start">
          <Alert variant="success" role="status">
            {ht("hr.import.done", { count: formatNumber(step.result.imported) })}
          </Alert>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setFile(null);
              setStep({ kind: "choose" });
            }}
          >
            {ht("hr.import.again")}
          </Button>
        </VStack>
      )}
    </VStack>
  );
}

/** A CSV template with the right headers and one example row, as a download link. */
function useTemplateUrl(): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const blob = new Blob([importTemplateCsv()], { type: "text/csv;charset=utf-8" });
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, []);
  return url;
}

/**
 * The API answers the whole file at once, so progress is indeterminate: an animated bar
 * (Aksel's simulated progress) that screen readers hear through the status text.
 */
function Progress({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <VStack gap="space-8" style={{ maxWidth: "40rem" }} ref={ref}>
      <BodyShort role="status">{text}</BodyShort>
      <ProgressBar simulated={{ seconds: 20, onTimeout: () => undefined }} aria-label={ht("hr.import.progress")} />
    </VStack>
  );
}

function Preview({ result }: { result: ImportResult }) {
  const shownRows = result.rows.slice(0, PREVIEW_ROWS);
  const errorRows = new Set(result.errors.map((error) => error.row));
  return (
    <VStack gap="space-24">
      {result.errors.length > 0 ? (
        <Alert variant="error" role="alert">
          {ht("hr.import.errors", { count: formatNumber(result.errors.length) })}
        </Alert>
      ) : (
        <Alert variant="success" role="status">
          {ht("hr.import.ok", { count: formatNumber(result.rowCount) })}
        </Alert>
      )}
      {result.errors.length > 0 && (
        <div className="samla-table-scroll">
          <Table data-testid="import-errors">
            <caption>
              <Heading level="2" size="small">
                {ht("hr.import.errorsCaption")}
              </Heading>
            </caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.row")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.column")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.message")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {result.errors.map((error, index) => (
                <Table.Row key={index}>
                  <Table.HeaderCell scope="row">{error.row ?? ht("hr.import.wholeFile")}</Table.HeaderCell>
                  <Table.DataCell>{error.column ?? "–"}</Table.DataCell>
                  <Table.DataCell>{error.message}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {result.rows.length > 0 && (
        <div className="samla-table-scroll">
          <Table size="small" zebraStripes>
            <caption>
              <Heading level="2" size="small">
                {ht("hr.import.rowsCaption")}
              </Heading>
              {result.rows.length > shownRows.length && (
                <BodyShort size="small">
                  {ht("hr.import.showingRows", { shown: shownRows.length, total: formatNumber(result.rows.length) })}
                </BodyShort>
              )}
            </caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.row")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.email")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.person")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.role")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.office")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.team")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.fte")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.start")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{ht("hr.import.col.end")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shownRows.map((row) => (
                <Table.Row key={row.row} selected={errorRows.has(row.row)}>
                  <Table.HeaderCell scope="row">{row.row}</Table.HeaderCell>
                  <Table.DataCell>{row.email}</Table.DataCell>
                  <Table.DataCell>{row.personName ?? "–"}</Table.DataCell>
                  <Table.DataCell>{row.roleCode}</Table.DataCell>
                  <Table.DataCell>{row.officeCode}</Table.DataCell>
                  <Table.DataCell>{row.teamName}</Table.DataCell>
                  <Table.DataCell>{row.fte != null ? formatPercent(row.fte) : "–"}</Table.DataCell>
                  <Table.DataCell>{row.startDate}</Table.DataCell>
                  <Table.DataCell>{row.endDate ?? "–"}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </VStack>
  );
}
