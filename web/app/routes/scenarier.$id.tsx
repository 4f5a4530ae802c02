// /scenarier/:id: the scenario editor. The to-be team tree with every team's and
// position's action, the edits on them (each sends the scenario version and refetches),
// undo, the impact and health check panels, the change log and the review steps. An
// approved, archived or submitted scenario, and every viewer, get the same page read-only.
import { ArrowLeftIcon, ArrowUndoIcon, DownloadIcon, PlusIcon } from "@navikt/aksel-icons";
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HStack,
  Link,
  Modal,
  Switch,
  Tabs,
  VStack,
} from "@navikt/ds-react";
import { Link as RemixLink, useParams, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useAuth } from "../auth";
import { describeError, LoadingMessage } from "../components/States";
import { OfficeLink } from "../components/OfficeLinks";
import { ApiError, request } from "../graphql";
import { downloadBase64File } from "../lib/download";
import { formatDate, t } from "../i18n";
import { compareUrl, HealthChecksPanel, ImpactPanel, printUrl } from "../scenarios/analysis";
import { ChangeLog } from "../scenarios/analysis/ChangeLog";
import { ScenarioExportQuery } from "../scenarios/analysis/documents";
import { ScenarioError, ScenarioStatusTag, scenarioStatusName } from "../scenarios/analysis/ScenarioFacts";
import { DialogContent, dialogTitle, type EditorDialog } from "../scenarios/editor/dialogs";
import { ScenarioCataloguesQuery, ScenarioEditorQuery, UndoScenarioChangesMutation } from "../scenarios/editor/documents";
import { ConflictAlert, EditorProvider, type EditorContextValue } from "../scenarios/editor/EditForm";
import { formatDateTime } from "../scenarios/editor/format";
import { isConflict, isOpen, mayEditScenarios, outcomeOf, type MutationErrorResult } from "../scenarios/editor/model";
import { Fact } from "../scenarios/editor/fields";
import { TeamTree } from "../scenarios/editor/TeamTree";
import type { Catalogues, EditorScenario } from "../scenarios/editor/types";
import { useReloadable } from "../scenarios/editor/use-reloadable";
import "../scenarios/editor/editor.css";

export const meta: MetaFunction = () => [{ title: `${t("scenarioEditor.title")} – ${t("app.name")}` }];

const TABS = ["organisering", "effekt", "helsesjekker", "endringer", "kommentarer"] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => (TABS as readonly (string | null)[]).includes(value);

export default function ScenarioEditorRoute() {
  const { id = "" } = useParams();
  return <ScenarioEditor key={id} id={id} />;
}

async function fetchScenario(id: string, signal?: AbortSignal): Promise<EditorScenario> {
  const data = await request(ScenarioEditorQuery, { id }, { signal });
  if (!data.scenario) throw new ApiError(`Scenario ${id} not found`, "result", { typename: "NotFoundError" });
  return data.scenario;
}

function ScenarioEditor({ id }: { id: string }) {
  const { user } = useAuth();
  const fetcher = useCallback((signal?: AbortSignal) => fetchScenario(id, signal), [id]);
  const { data: scenario, error, reload: load } = useReloadable(fetcher);
  const [catalogues, setCatalogues] = useState<Catalogues | null>(null);
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pageConflict, setPageConflict] = useState<MutationErrorResult | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [showClosed, setShowClosed] = useState(true);
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get("fane");
  const tab: Tab = isTab(tabParam) ? tabParam : "organisering";

  useEffect(() => {
    const controller = new AbortController();
    request(ScenarioCataloguesQuery, {}, { signal: controller.signal }).then(setCatalogues, () => undefined);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (scenario) document.title = `${scenario.name} – ${t("app.name")}`;
  }, [scenario?.name]);

  if (!scenario) {
    if (error) return <ScenarioError error={error} />;
    return <LoadingMessage text={t("scenarioEditor.loading")} />;
  }

  const canEdit = scenario.viewerCanEdit;
  const reviewer = mayEditScenarios(user.roles);

  const editor: EditorContextValue = {
    scenarioId: scenario.id,
    version: scenario.version,
    reload: () => load(),
    finish: (message) => {
      setDialog(null);
      setNotice(message);
      setPageConflict(null);
      setPageError(null);
      void load();
    },
    close: () => setDialog(null),
  };

  const open = (next: EditorDialog) => {
    setNotice(null);
    setDialog(next);
  };

  /** `confirmOthers`: the user agreed to undo another person's edit (the API refuses it otherwise). */
  const undo = async (confirmOthers = false) => {
    setUndoing(true);
    setNotice(null);
    setPageConflict(null);
    setPageError(null);
    try {
      const data = await request(UndoScenarioChangesMutation, {
        input: { scenarioId: scenario.id, version: scenario.version, count: 1, confirmOthersChanges: confirmOthers },
      });
      const outcome = outcomeOf(data.undoScenarioChanges);
      if (outcome.ok) {
        setNotice(t("scenarioEditor.undo.done"));
        await load();
      } else if (isConflict(outcome.error)) setPageConflict(outcome.error);
      else setPageError(outcome.error.message ?? t("error.api.generic"));
    } catch (caught) {
      setPageError(describeError(caught));
    } finally {
      setUndoing(false);
    }
  };

  const exportExcel = async () => {
    setExporting(true);
    setPageError(null);
    try {
      const data = await request(ScenarioExportQuery, { id: scenario.id });
      if (!data.scenarioExport) throw new ApiError(`Scenario ${scenario.id} not found`, "result", { typename: "NotFoundError" });
      downloadBase64File(data.scenarioExport);
    } catch (caught) {
      setPageError(`${t("scenarioEditor.export.failed")} ${describeError(caught)}`);
    } finally {
      setExporting(false);
    }
  };

  const openTeams = scenario.teams.filter(isOpen);
  const openPositions = openTeams.flatMap((team) => team.positions.filter(isOpen));
  const vacancies = openPositions.filter((position) => position.isVacant).length;

  return (
    <EditorProvider value={editor}>
      <VStack gap="space-32">
        <VStack gap="space-16">
          <div>
            {scenario.merger ? (
              <Link as={RemixLink} to={`/sammenslaainger/${encodeURIComponent(scenario.merger.id)}`}>
                <ArrowLeftIcon aria-hidden />
                {t("scenarioEditor.backToMerger", { name: scenario.merger.name })}
              </Link>
            ) : (
              <Link as={RemixLink} to="/scenarier">
                <ArrowLeftIcon aria-hidden />
                {t("scenarioEditor.backToList")}
              </Link>
            )}
          </div>
          <HStack gap="space-12" align="center">
            <Heading level="1" size="xlarge">
              {scenario.name}
            </Heading>
            <ScenarioStatusTag status={scenario.status} />
          </HStack>
          {scenario.description && <BodyLong>{scenario.description}</BodyLong>}
          <ScenarioHeaderFacts scenario={scenario} />
          <HStack gap="space-16" align="center" wrap>
            <Link as={RemixLink} to={compareUrl(scenario.id)}>
              {t("scenarioEditor.links.compare")}
            </Link>
            <Link as={RemixLink} to={printUrl(scenario.id)}>
              {t("scenarioEditor.links.print")}
            </Link>
            <Button
              type="button"
              size="small"
              variant="secondary"
              icon={<DownloadIcon aria-hidden />}
              loading={exporting}
              onClick={() => void exportExcel()}
            >
              {t("scenarioEditor.links.excel")}
            </Button>
            {canEdit && (
              <Button type="button" size="small" variant="tertiary" onClick={() => open({ kind: "updateScenario" })}>
                {t("scenarioEditor.update.open")}
              </Button>
            )}
          </HStack>
        </VStack>

        {notice && (
          <Alert variant="success" role="status" closeButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        {pageConflict && (
          <ConflictAlert
            error={pageConflict}
            onReload={async () => {
              await load();
              setPageConflict(null);
            }}
          />
        )}
        {pageError && (
          <Alert variant="error" role="alert" closeButton onClose={() => setPageError(null)}>
            {pageError}
          </Alert>
        )}

        <ReviewBox scenario={scenario} reviewer={reviewer} userName={user.name} onAction={open} />

        <Tabs
          value={tab}
          onChange={(value) =>
            setSearchParams(
              (params) => {
                params.set("fane", value);
                return params;
              },
              { replace: true, preventScrollReset: true }
            )
          }
        >
          <Tabs.List>
            <Tabs.Tab value="organisering" label={t("scenarioEditor.tab.design")} />
            <Tabs.Tab value="effekt" label={t("scenarioEditor.tab.impact")} />
            <Tabs.Tab value="helsesjekker" label={t("scenarioEditor.tab.health")} />
            <Tabs.Tab value="endringer" label={t("scenarioEditor.tab.changes")} />
            <Tabs.Tab value="kommentarer" label={t("scenarioEditor.tab.comments", { count: scenario.comments.length })} />
          </Tabs.List>
          <Tabs.Panel value="organisering">
            <VStack gap="space-16" paddingBlock="space-24 space-0">
              <Heading level="2" size="medium">
                {t("scenarioEditor.design.title")}
              </Heading>
              <BodyShort>
                {t("scenarioEditor.design.summary", { teams: openTeams.length, positions: openPositions.length, vacancies })}
              </BodyShort>
              {!canEdit && <ReadOnlyNote scenario={scenario} reviewer={reviewer} />}
              <HStack gap="space-16" align="center" wrap className="samla-scenario-toolbar">
                {canEdit && (
                  <>
                    <Button type="button" size="small" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: "addTeam" })}>
                      {t("scenarioEditor.addTeam.open")}
                    </Button>
                    <UndoControl scenario={scenario} busy={undoing} onUndo={(confirmOthers) => void undo(confirmOthers)} />
                  </>
                )}
                <Switch size="small" checked={showClosed} onChange={(event) => setShowClosed(event.target.checked)}>
                  {t("scenarioEditor.design.showClosed")}
                </Switch>
              </HStack>
              <TeamTree scenario={scenario} canEdit={canEdit} showClosed={showClosed} onAction={open} />
            </VStack>
          </Tabs.Panel>
          <Tabs.Panel value="effekt">
            <Box paddingBlock="space-24 space-0">
              <ImpactPanel scenarioId={scenario.id} version={scenario.version} />
            </Box>
          </Tabs.Panel>
          <Tabs.Panel value="helsesjekker">
            <Box paddingBlock="space-24 space-0">
              <HealthChecksPanel scenarioId={scenario.id} version={scenario.version} />
            </Box>
          </Tabs.Panel>
          <Tabs.Panel value="endringer">
            <VStack gap="space-16" paddingBlock="space-24 space-0">
              <Heading level="2" size="medium">
                {t("scenarioEditor.changes.title")}
              </Heading>
              {canEdit && (
                <HStack>
                  <UndoControl scenario={scenario} busy={undoing} onUndo={(confirmOthers) => void undo(confirmOthers)} />
                </HStack>
              )}
              <ChangeLog key={scenario.version} scenarioId={scenario.id} />
            </VStack>
          </Tabs.Panel>
          <Tabs.Panel value="kommentarer">
            <VStack gap="space-16" paddingBlock="space-24 space-0">
              <Heading level="2" size="medium">
                {t("scenarioEditor.comments.title")}
              </Heading>
              <Comments scenario={scenario} />
            </VStack>
          </Tabs.Panel>
        </Tabs>
      </VStack>

      <Modal
        open={dialog !== null}
        onClose={() => setDialog(null)}
        header={{ heading: dialog ? dialogTitle(dialog, scenario) : "" }}
        width="medium"
      >
        <Modal.Body>
          {dialog &&
            (catalogues ? (
              <DialogContent dialog={dialog} scenario={scenario} catalogues={catalogues} />
            ) : (
              <LoadingMessage text={t("scenarioEditor.loading")} />
            ))}
        </Modal.Body>
      </Modal>
    </EditorProvider>
  );
}

/**
 * "Angre siste endring", saying whose edit it undoes. Another person's edit is undone only
 * after the user confirms it in a dialog (issue 14: undo silently reverted a colleague's rename).
 */
function UndoControl({
  scenario,
  busy,
  onUndo,
}: {
  scenario: EditorScenario;
  busy: boolean;
  onUndo: (confirmOthers: boolean) => void;
}) {
  const [asking, setAsking] = useState(false);
  const next = scenario.nextUndoChange;
  const othersChange = next !== null && next !== undefined && !next.byViewer;
  return (
    <VStack gap="space-4">
      <HStack>
        <Button
          type="button"
          size="small"
          variant="secondary"
          icon={<ArrowUndoIcon aria-hidden />}
          loading={busy}
          disabled={!next}
          onClick={() => (othersChange ? setAsking(true) : onUndo(false))}
        >
          {t("scenarioEditor.undo.button")}
        </Button>
      </HStack>
      {next && (
        <Detail textColor="subtle">
          {othersChange
            ? t("scenarioEditor.undo.next.other", { name: next.actorName, summary: next.summary })
            : t("scenarioEditor.undo.next.mine", { summary: next.summary })}
        </Detail>
      )}
      {othersChange && (
        <Modal
          open={asking}
          onClose={() => setAsking(false)}
          header={{ heading: t("scenarioEditor.undo.confirm.title", { name: next.actorName }) }}
          width="small"
        >
          <Modal.Body>
            <VStack gap="space-8">
              <BodyShort>{t("scenarioEditor.undo.confirm.body", { name: next.actorName })}</BodyShort>
              <BodyShort weight="semibold">{next.summary}</BodyShort>
              <BodyShort>{t("scenarioEditor.undo.confirm.question", { name: next.actorName })}</BodyShort>
            </VStack>
          </Modal.Body>
          <Modal.Footer>
            <Button
              type="button"
              variant="danger"
              onClick={() => {
                setAsking(false);
                onUndo(true);
              }}
            >
              {t("scenarioEditor.undo.confirm.yes", { name: next.actorName })}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              {t("scenarioEditor.undo.confirm.no")}
            </Button>
          </Modal.Footer>
        </Modal>
      )}
    </VStack>
  );
}

function ScenarioHeaderFacts({ scenario }: { scenario: EditorScenario }) {
  const base =
    scenario.base === "SCENARIO" && scenario.baseScenario ? (
      <Link as={RemixLink} to={`/scenarier/${encodeURIComponent(scenario.baseScenario.id)}`}>
        {scenario.baseScenario.name}
      </Link>
    ) : scenario.base === "TEMPLATE" && scenario.templateOffice ? (
      t("scenarioEditor.base.templateOf", { office: scenario.templateOffice.name })
    ) : (
      t(`scenarioEditor.base.${scenario.base}`)
    );
  return (
    <dl className="samla-facts" data-testid="scenario-header">
      {scenario.merger && (
        <Fact size="small" label={t("scenarioEditor.facts.merger")}>
          <Link as={RemixLink} to={`/sammenslaainger/${encodeURIComponent(scenario.merger.id)}`}>
            {scenario.merger.name}
          </Link>
        </Fact>
      )}
      {scenario.merger && (
        <Fact size="small" label={t("scenarioEditor.facts.target")}>
          <OfficeLink office={scenario.merger.targetOffice} />
        </Fact>
      )}
      <Fact size="small" label={t("scenarioEditor.facts.offices")}>
        {scenario.offices.map((office) => office.name).join(", ")}
      </Fact>
      <Fact size="small" label={t("scenarioEditor.facts.asOf")}>
        {formatDate(scenario.asOfDate)}
      </Fact>
      <Fact size="small" label={t("scenarioEditor.facts.effective")}>
        {formatDate(scenario.effectiveDate)}
      </Fact>
      <Fact size="small" label={t("scenarioEditor.facts.base")}>
        {base}
      </Fact>
      <Fact size="small" label={t("scenarioEditor.facts.version")}>
        <span data-testid="scenario-version">{scenario.version}</span>
      </Fact>
      <Fact size="small" label={t("scenarioEditor.facts.createdBy")}>
        {scenario.createdByName}
      </Fact>
    </dl>
  );
}

function ReadOnlyNote({ scenario, reviewer }: { scenario: EditorScenario; reviewer: boolean }) {
  const key =
    scenario.status === "APPROVED"
      ? "scenarioEditor.readOnly.APPROVED"
      : scenario.status === "IN_REVIEW"
      ? "scenarioEditor.readOnly.IN_REVIEW"
      : scenario.status === "ARCHIVED"
      ? "scenarioEditor.readOnly.ARCHIVED"
      : reviewer
      ? "scenarioEditor.readOnly.DRAFT"
      : "scenarioEditor.readOnly.role";
  return (
    <Alert variant="info" size="small" data-testid="scenario-read-only">
      {t(key)}
    </Alert>
  );
}

/** The review: where the scenario stands, who did what, and the next steps this user may take. */
function ReviewBox({
  scenario,
  reviewer,
  userName,
  onAction,
}: {
  scenario: EditorScenario;
  reviewer: boolean;
  userName: string;
  onAction: (dialog: EditorDialog) => void;
}) {
  const lines: string[] = [];
  if (scenario.submittedByName && scenario.submittedAt) {
    lines.push(
      t("scenarioEditor.review.submittedBy", { name: scenario.submittedByName, when: formatDateTime(scenario.submittedAt) })
    );
  }
  if (scenario.approvedByName && scenario.approvedAt) {
    lines.push(
      t("scenarioEditor.review.approvedBy", { name: scenario.approvedByName, when: formatDateTime(scenario.approvedAt) })
    );
  }
  if (scenario.appliedAt) lines.push(t("scenarioEditor.review.applied", { when: formatDateTime(scenario.appliedAt) }));

  const selfSubmitted =
    scenario.status === "IN_REVIEW" && reviewer && !scenario.viewerCanApprove && scenario.submittedByName === userName;
  const buttons: ReactNode[] = [];
  if (reviewer && scenario.status === "DRAFT" && scenario.viewerCanEdit) {
    buttons.push(
      <Button key="submit" type="button" size="small" onClick={() => onAction({ kind: "submit" })}>
        {t("scenarioEditor.review.submit")}
      </Button>
    );
  }
  if (scenario.status === "IN_REVIEW" && scenario.viewerCanApprove) {
    buttons.push(
      <Button key="approve" type="button" size="small" onClick={() => onAction({ kind: "approve" })}>
        {t("scenarioEditor.review.approve")}
      </Button>
    );
  }
  if (reviewer && scenario.status === "IN_REVIEW") {
    buttons.push(
      <Button key="return" type="button" size="small" variant="secondary" onClick={() => onAction({ kind: "return" })}>
        {t("scenarioEditor.review.return")}
      </Button>
    );
  }
  if (reviewer && scenario.status !== "ARCHIVED" && !scenario.appliedAt) {
    buttons.push(
      <Button key="archive" type="button" size="small" variant="tertiary" onClick={() => onAction({ kind: "archive" })}>
        {t("scenarioEditor.review.archive")}
      </Button>
    );
  }

  return (
    <section aria-labelledby="scenario-review-heading">
      <Box padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
        <VStack gap="space-12">
          <Heading id="scenario-review-heading" level="2" size="small">
            {t("scenarioEditor.review.title")}
          </Heading>
          <BodyShort>{t(`scenarioEditor.review.status.${scenario.status}`)}</BodyShort>
          {lines.map((line) => (
            <Detail key={line}>{line}</Detail>
          ))}
          {selfSubmitted && (
            <Alert variant="info" size="small" data-testid="self-approval-note">
              {t("scenarioEditor.review.selfApproval")}
            </Alert>
          )}
          {buttons.length > 0 && (
            <HStack gap="space-12" wrap>
              {buttons}
            </HStack>
          )}
        </VStack>
      </Box>
    </section>
  );
}

function Comments({ scenario }: { scenario: EditorScenario }) {
  if (scenario.comments.length === 0) return <BodyShort>{t("scenarioEditor.comments.empty")}</BodyShort>;
  return (
    <ol className="samla-scenario-comments" aria-label={t("scenarioEditor.comments.title")}>
      {[...scenario.comments].reverse().map((comment) => (
        <li key={comment.id}>
          <Box padding="space-12" borderWidth="0 0 0 4" borderColor="neutral-subtle">
            <VStack gap="space-4">
              <Detail weight="semibold">
                {t("scenarioEditor.comments.meta", {
                  author: comment.authorName,
                  when: formatDateTime(comment.createdAt),
                  status: scenarioStatusName(comment.status),
                })}
              </Detail>
              <BodyLong style={{ whiteSpace: "pre-wrap" }}>{comment.text}</BodyLong>
            </VStack>
          </Box>
        </li>
      ))}
    </ol>
  );
}
