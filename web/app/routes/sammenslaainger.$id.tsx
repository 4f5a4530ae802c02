// /sammenslaainger/:id: one merger: its source and target offices, its status with the
// steps planners may take next, and its scenarios (with "Nytt scenario").
import { ArrowLeftIcon, PlusIcon } from "@navikt/aksel-icons";
import { Alert, BodyLong, BodyShort, Box, Button, Heading, HStack, Link, List, Modal, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useParams, type MetaFunction } from "@remix-run/react";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useAuth } from "../auth";
import { MergerStatusTag } from "../components/MergerTags";
import { mergerGraphUrl, OfficeLink } from "../components/OfficeLinks";
import { StatusTag } from "../components/OfficeTags";
import { describeError, EmptyState, ErrorState, LoadingMessage } from "../components/States";
import { ApiError, isApiError, request } from "../graphql";
import { formatDate, t } from "../i18n";
import { CreateScenarioForm } from "../scenarios/editor/CreateScenarioForm";
import { MergerDetailQuery, UpdateMergerMutation } from "../scenarios/editor/documents";
import { ConflictAlert } from "../scenarios/editor/EditForm";
import { Fact, FormButtons } from "../scenarios/editor/fields";
import {
  isConflict,
  mayEditScenarios,
  nextMergerStatuses,
  outcomeOf,
  type MergerStatusValue,
  type MutationErrorResult,
} from "../scenarios/editor/model";
import { ScenariosTable } from "../scenarios/editor/ScenariosTable";
import type { MergerDetail } from "../scenarios/editor/types";
import { useReloadable } from "../scenarios/editor/use-reloadable";

export const meta: MetaFunction = () => [{ title: `${t("nav.mergers")} – ${t("app.name")}` }];

export default function MergerRoute() {
  const { id = "" } = useParams();
  return <MergerPage key={id} id={id} />;
}

async function fetchMerger(id: string, signal?: AbortSignal): Promise<MergerDetail> {
  const data = await request(MergerDetailQuery, { id }, { signal });
  if (!data.merger) throw new ApiError(`Merger ${id} not found`, "result", { typename: "NotFoundError" });
  return data.merger;
}

type Dialog = { kind: "status"; status: MergerStatusValue } | { kind: "scenario" } | null;

function MergerPage({ id }: { id: string }) {
  const { user } = useAuth();
  const fetcher = useCallback((signal?: AbortSignal) => fetchMerger(id, signal), [id]);
  const { data: merger, error, reload: load } = useReloadable(fetcher);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (merger) document.title = `${merger.name} – ${t("app.name")}`;
  }, [merger?.name]);

  const back = (
    <div>
      <Link as={RemixLink} to="/sammenslaainger">
        <ArrowLeftIcon aria-hidden />
        {t("mergerDetail.back")}
      </Link>
    </div>
  );

  if (!merger) {
    if (!error) return <LoadingMessage text={t("mergerDetail.loading")} />;
    if (isApiError(error) && error.details.typename === "NotFoundError") {
      return (
        <VStack gap="space-16">
          {back}
          <Heading level="1" size="xlarge">
            {t("mergerDetail.notFound")}
          </Heading>
        </VStack>
      );
    }
    return (
      <VStack gap="space-16">
        {back}
        <ErrorState title={t("mergerDetail.error")} error={error} headingLevel="1" />
      </VStack>
    );
  }

  const planner = mayEditScenarios(user.roles);
  const finished = merger.status === "COMPLETED" || merger.status === "CANCELLED";
  const approved = merger.scenarios.find((scenario) => scenario.status === "APPROVED");

  return (
    <VStack gap="space-32">
      <VStack gap="space-16">
        {back}
        <HStack gap="space-12" align="center">
          <Heading level="1" size="xlarge">
            {merger.name}
          </Heading>
          <MergerStatusTag status={merger.status} size="medium" />
        </HStack>
        {merger.description && <BodyLong>{merger.description}</BodyLong>}
        <dl className="samla-facts">
          <Fact label={t("mergerDetail.effectiveDate")}>{formatDate(merger.effectiveDate)}</Fact>
          <Fact label={t("mergerDetail.target")}>
            <HStack gap="space-8" align="center">
              <OfficeLink office={merger.targetOffice} />
              <StatusTag status={merger.targetOffice.status} />
            </HStack>
          </Fact>
          <Fact label={t("mergerDetail.version")}>{String(merger.version)}</Fact>
        </dl>
        <section aria-labelledby="merger-sources">
          <Heading id="merger-sources" level="2" size="small" spacing>
            {t("mergerDetail.sources", { count: merger.sourceOffices.length })}
          </Heading>
          <List as="ul" data-testid="merger-sources">
            {merger.sourceOffices.map((office) => (
              <List.Item key={office.id}>
                <OfficeLink office={office} /> <StatusTag status={office.status} />
              </List.Item>
            ))}
          </List>
        </section>
        <div>
          <Link as={RemixLink} to={mergerGraphUrl(merger.id)}>
            {t("mergers.graphLink")}
          </Link>
        </div>
      </VStack>

      {notice && (
        <Alert variant="success" role="status" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}

      <section aria-labelledby="merger-status">
        <Box padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
          <VStack gap="space-12">
            <Heading id="merger-status" level="2" size="medium">
              {t("mergerDetail.status.title")}
            </Heading>
            <BodyShort data-testid="merger-status-text">
              {merger.status === "COMPLETED" && !merger.inEffect
                ? t("mergerDetail.status.COMPLETED.scheduled", { date: formatDate(merger.effectiveDate) })
                : t(`mergerDetail.status.${merger.status}`)}
            </BodyShort>
            {!finished && (
              <BodyShort size="small">
                {approved
                  ? t("mergerDetail.status.approvedScenario", { name: approved.name })
                  : t("mergerDetail.status.noApprovedScenario")}
              </BodyShort>
            )}
            {planner && nextMergerStatuses(merger.status).length > 0 && (
              <HStack gap="space-12" wrap>
                {nextMergerStatuses(merger.status).map((status) => (
                  <Button
                    key={status}
                    type="button"
                    size="small"
                    variant={status === "CANCELLED" ? "tertiary" : "primary"}
                    onClick={() => {
                      setNotice(null);
                      setDialog({ kind: "status", status });
                    }}
                  >
                    {t(`mergerDetail.step.${status}`)}
                  </Button>
                ))}
              </HStack>
            )}
          </VStack>
        </Box>
      </section>

      <section aria-labelledby="merger-scenarios">
        <VStack gap="space-16">
          <HStack gap="space-16" align="center" justify="space-between">
            <Heading id="merger-scenarios" level="2" size="medium">
              {t("mergerDetail.scenarios.title")}
            </Heading>
            {planner && !finished && (
              <Button type="button" size="small" icon={<PlusIcon aria-hidden />} onClick={() => setDialog({ kind: "scenario" })}>
                {t("mergerDetail.scenarios.new")}
              </Button>
            )}
          </HStack>
          <BodyShort size="small">{t("mergerDetail.scenarios.intro")}</BodyShort>
          {merger.scenarios.length === 0 ? (
            <EmptyState title={t("mergerDetail.scenarios.empty")} />
          ) : (
            <ScenariosTable scenarios={merger.scenarios} caption={t("mergerDetail.scenarios.title")} testId="merger-scenarios" />
          )}
        </VStack>
      </section>

      <Modal
        open={dialog !== null}
        onClose={() => setDialog(null)}
        header={{
          heading:
            dialog?.kind === "status"
              ? t(`mergerDetail.step.${dialog.status}`)
              : t("mergerDetail.scenarios.newFor", { name: merger.name }),
        }}
        width="medium"
      >
        <Modal.Body>
          {dialog?.kind === "status" && (
            <MergerStatusForm
              merger={merger}
              status={dialog.status}
              hasApprovedScenario={Boolean(approved)}
              onReload={() => load()}
              onDone={(message) => {
                setDialog(null);
                setNotice(message);
                void load();
              }}
              onCancel={() => setDialog(null)}
            />
          )}
          {dialog?.kind === "scenario" && <CreateScenarioForm merger={merger} onCancel={() => setDialog(null)} />}
        </Modal.Body>
      </Modal>
    </VStack>
  );
}

/** Moves the merger one step (updateMerger with its version) and shows the API's answer. */
function MergerStatusForm({
  merger,
  status,
  hasApprovedScenario,
  onReload,
  onDone,
  onCancel,
}: {
  merger: MergerDetail;
  status: MergerStatusValue;
  hasApprovedScenario: boolean;
  onReload: () => Promise<void>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<MutationErrorResult | null>(null);
  const [thrown, setThrown] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setThrown(null);
    try {
      const data = await request(UpdateMergerMutation, { input: { id: merger.id, version: merger.version, status } });
      const outcome = outcomeOf(data.updateMerger);
      const scheduled = data.updateMerger.__typename === "UpdateMergerPayload" && !data.updateMerger.merger.inEffect;
      if (outcome.ok) {
        onDone(
          status === "COMPLETED" && scheduled
            ? t("mergerDetail.done.COMPLETED.scheduled", { date: formatDate(merger.effectiveDate) })
            : t(`mergerDetail.done.${status}`),
        );
      }
      else setFailure(outcome.error);
    } catch (error) {
      setThrown(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <VStack gap="space-16">
        <BodyLong>{t(`mergerDetail.step.${status}.intro`, { name: merger.name })}</BodyLong>
        {status === "COMPLETED" && !hasApprovedScenario && (
          <Alert variant="warning" size="small">
            {t("mergerDetail.step.COMPLETED.missing")}
          </Alert>
        )}
        {failure &&
          (isConflict(failure) ? (
            <ConflictAlert
              error={failure}
              onReload={async () => {
                await onReload();
                setFailure(null);
              }}
            />
          ) : (
            <Alert variant="error" role="alert" data-testid="merger-step-error">
              <Heading level="3" size="xsmall" spacing>
                {t("mergerDetail.step.failed")}
              </Heading>
              <BodyShort>{failure.message ?? t("error.api.generic")}</BodyShort>
            </Alert>
          ))}
        {thrown && (
          <Alert variant="error" role="alert">
            {thrown}
          </Alert>
        )}
        <FormButtons
          submitText={t(`mergerDetail.step.${status}`)}
          busy={busy}
          onCancel={onCancel}
          danger={status === "CANCELLED"}
        />
      </VStack>
    </form>
  );
}
