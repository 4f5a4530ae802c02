// /innforing/plan: the rollout plan. Waves in order (the pilot first) with their dates and
// offices, a Gantt-like timeline (with a table), and for planners and admins the edits:
// new wave, change a wave, add offices, move an office to another wave (its history is
// kept) and an office's dates per practice. Viewers read; other roles get a no-access page.
import { PlusIcon } from "@navikt/aksel-icons";
import { Alert, BodyLong, Heading, HStack, Link, Modal, Button, VStack } from "@navikt/ds-react";
import { Link as RemixLink, type MetaFunction } from "@remix-run/react";
import { useState } from "react";
import { useAuth } from "../auth";
import { ErrorState, LoadingMessage } from "../components/States";
import { AdoptionSubNav } from "../adoption/navigation";
import { RolloutPlanQuery } from "../adoption/plan/documents";
import {
  AddOfficesForm,
  CreateWaveForm,
  EditDatesForm,
  MoveOfficeForm,
  PlanFormProvider,
  UpdateWaveForm,
  type PlanFormContextValue,
} from "../adoption/plan/PlanForms";
import { mayEditPlan, mayReadPlan, type PlanDialog } from "../adoption/plan/access";
import { RolloutTimeline } from "../adoption/plan/RolloutTimeline";
import type { PlanRollout, PlanWave } from "../adoption/plan/types";
import { WaveSection } from "../adoption/plan/WaveSection";
import { request } from "../graphql";
import { t } from "../i18n";
import { todayInNorway } from "../lib/dates";
import { useReloadable } from "../scenarios/editor/use-reloadable";
import "../adoption/plan/plan.css";

export const meta: MetaFunction = () => [{ title: `${t("adoption.plan.title")} – ${t("app.name")}` }];

export default function RolloutPlanRoute() {
  const { user } = useAuth();
  if (!mayReadPlan(user.roles)) return <PlanNoAccess roles={user.roles} />;
  return <RolloutPlan roles={user.roles} />;
}

function PlanNoAccess({ roles }: { roles: readonly string[] }) {
  return (
    <VStack gap="space-16" align="start" data-testid="no-access">
      <AdoptionSubNav roles={roles} />
      <Heading level="1" size="large">
        {t("adoption.plan.noAccess.title")}
      </Heading>
      <BodyLong>{t("adoption.plan.noAccess.body")}</BodyLong>
      <Link as={RemixLink} to="/">
        {t("adoption.plan.noAccess.home")}
      </Link>
    </VStack>
  );
}

function findRollout(waves: readonly PlanWave[], rolloutId: string): { wave: PlanWave; rollout: PlanRollout } | undefined {
  for (const wave of waves) {
    const rollout = wave.rollouts.find((candidate) => candidate.id === rolloutId);
    if (rollout) return { wave, rollout };
  }
  return undefined;
}

// Module-level, so useReloadable gets the same function on every render.
const fetchPlan = (signal?: AbortSignal) => request(RolloutPlanQuery, {}, { signal }).then((data) => data.rolloutWaves);

function RolloutPlan({ roles }: { roles: readonly string[] }) {
  const canEdit = mayEditPlan(roles);
  const { data: waves, error, reload } = useReloadable(fetchPlan);
  const [dialog, setDialog] = useState<PlanDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = todayInNorway();

  const context: PlanFormContextValue = {
    finish: (message) => {
      setDialog(null);
      setNotice(message);
      void reload();
    },
    close: () => setDialog(null),
    reload,
  };
  const open = (next: PlanDialog) => {
    setNotice(null);
    setDialog(next);
  };

  return (
    <PlanFormProvider value={context}>
      <VStack gap="space-32">
        <AdoptionSubNav roles={roles} />
        <HStack gap="space-16" align="end" justify="space-between" wrap>
          <VStack gap="space-8">
            <Heading level="1" size="xlarge">
              {t("adoption.plan.title")}
            </Heading>
            <BodyLong style={{ maxWidth: "48rem" }}>{t("adoption.plan.intro")}</BodyLong>
          </VStack>
          {canEdit && (
            <Button type="button" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: "createWave" })}>
              {t("adoption.plan.createWave.open")}
            </Button>
          )}
        </HStack>
        {!canEdit && (
          <Alert variant="info" size="small" data-testid="plan-read-only">
            {t("adoption.plan.readOnly")}
          </Alert>
        )}
        {notice && (
          <Alert variant="success" role="status" closeButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        {!waves && !error && <LoadingMessage text={t("adoption.plan.loading")} />}
        {!waves && error != null && <ErrorState title={t("adoption.plan.error")} error={error} />}
        {waves && waves.length === 0 && (
          <Alert variant="info" role="status">
            <Heading level="2" size="small" spacing>
              {t("adoption.plan.empty.title")}
            </Heading>
            <BodyLong>{t(canEdit ? "adoption.plan.empty.planner" : "adoption.plan.empty.viewer")}</BodyLong>
          </Alert>
        )}
        {waves && waves.length > 0 && (
          <>
            <RolloutTimeline waves={waves} today={today} />
            <VStack gap="space-24" as="section" aria-labelledby="plan-waves-heading">
              <Heading level="2" size="medium" id="plan-waves-heading">
                {t("adoption.plan.waves.heading")}
              </Heading>
              {waves.map((wave) => (
                <WaveSection key={wave.id} wave={wave} canEdit={canEdit} onAction={open} />
              ))}
            </VStack>
          </>
        )}
      </VStack>

      <Modal open={dialog !== null} onClose={() => setDialog(null)} header={{ heading: dialog && waves ? dialogTitle(dialog, waves) : "" }} width="medium">
        <Modal.Body>{dialog && waves && <DialogBody dialog={dialog} waves={waves} />}</Modal.Body>
      </Modal>
    </PlanFormProvider>
  );
}

function dialogTitle(dialog: PlanDialog, waves: readonly PlanWave[]): string {
  switch (dialog.kind) {
    case "createWave":
      return t("adoption.plan.createWave.title");
    case "updateWave":
    case "addOffices": {
      const wave = waves.find((candidate) => candidate.id === dialog.waveId);
      return t(dialog.kind === "updateWave" ? "adoption.plan.updateWave.title" : "adoption.plan.addOffices.title", { wave: wave?.name ?? "" });
    }
    case "moveOffice":
    case "editDates": {
      const found = findRollout(waves, dialog.rolloutId);
      return t(dialog.kind === "moveOffice" ? "adoption.plan.move.title" : "adoption.plan.dates.title", { office: found?.rollout.office.name ?? "" });
    }
  }
}

/** The open dialog's form, finding its wave or office in the latest plan (a reload never leaves it stale). */
function DialogBody({ dialog, waves }: { dialog: PlanDialog; waves: readonly PlanWave[] }) {
  const gone = <BodyLong>{t("adoption.plan.dialog.gone")}</BodyLong>;
  switch (dialog.kind) {
    case "createWave":
      return <CreateWaveForm />;
    case "updateWave":
    case "addOffices": {
      const wave = waves.find((candidate) => candidate.id === dialog.waveId);
      if (!wave) return gone;
      return dialog.kind === "updateWave" ? <UpdateWaveForm wave={wave} /> : <AddOfficesForm wave={wave} />;
    }
    case "moveOffice":
    case "editDates": {
      const found = findRollout(waves, dialog.rolloutId);
      if (!found) return gone;
      return dialog.kind === "moveOffice" ? (
        <MoveOfficeForm rollout={found.rollout} wave={found.wave} waves={waves} />
      ) : (
        <EditDatesForm rollout={found.rollout} />
      );
    }
  }
}
