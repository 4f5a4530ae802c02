// One wave of the plan: its dates, description and offices. An office opens to its
// practices' dates and its history (every move between waves with the reason), and, for
// planners and admins, the buttons to move it or change its dates.
import { BodyLong, BodyShort, Button, Heading, HStack, Table, Tag, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { formatDate, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { Fact } from "../../scenarios/editor/fields";
import type { PlanDialog } from "./access";
import { historyEntries } from "./history";
import type { PlanRollout, PlanWave } from "./types";

export function WaveSection({ wave, canEdit, onAction }: { wave: PlanWave; canEdit: boolean; onAction: (dialog: PlanDialog) => void }) {
  const headingId = `wave-${wave.ordinal}-heading`;
  // Only open rows render their details: a national wave has hundreds of offices.
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  const setOpen = (rolloutId: string, open: boolean) =>
    setOpenIds((current) => {
      const next = new Set(current);
      if (open) next.add(rolloutId);
      else next.delete(rolloutId);
      return next;
    });
  return (
    <section aria-labelledby={headingId} className="samla-plan-wave" data-testid="plan-wave">
      <VStack gap="space-12">
        <HStack gap="space-12" align="center">
          <Heading level="3" size="small" id={headingId}>
            {wave.name}
          </Heading>
          {wave.isPilot && (
            <Tag variant="info" size="small">
              {t("adoption.plan.wave.pilot")}
            </Tag>
          )}
        </HStack>
        <dl className="samla-facts">
          <Fact size="small" label={t("adoption.plan.form.start")}>
            {formatDate(wave.plannedStart)}
          </Fact>
          <Fact size="small" label={t("adoption.plan.form.target")}>
            {formatDate(wave.targetDate)}
          </Fact>
          <Fact size="small" label={t("adoption.plan.wave.offices")}>
            {wave.officeCount}
          </Fact>
        </dl>
        {wave.description && <BodyLong size="small">{wave.description}</BodyLong>}
        {canEdit && (
          <HStack gap="space-8" wrap>
            <Button type="button" size="small" variant="secondary" onClick={() => onAction({ kind: "updateWave", waveId: wave.id })}>
              {t("adoption.plan.updateWave.open")}
              <span className="aksel-sr-only"> {wave.name}</span>
            </Button>
            <Button type="button" size="small" variant="secondary" onClick={() => onAction({ kind: "addOffices", waveId: wave.id })}>
              {t("adoption.plan.addOffices.open")}
              <span className="aksel-sr-only"> {t("adoption.plan.addOffices.toWave", { wave: wave.name })}</span>
            </Button>
          </HStack>
        )}
        {wave.rollouts.length === 0 ? (
          <BodyShort size="small" textColor="subtle">
            {t("adoption.plan.wave.noOffices")}
          </BodyShort>
        ) : (
          <div className="samla-plan-table-scroll">
            <Table size="small">
              <caption className="aksel-sr-only">{t("adoption.plan.wave.tableCaption", { wave: wave.name })}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>
                    <span className="aksel-sr-only">{t("adoption.plan.table.details")}</span>
                  </Table.HeaderCell>
                  <Table.ColumnHeader scope="col">{t("adoption.plan.table.office")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("adoption.plan.form.start")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("adoption.plan.form.target")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("adoption.plan.table.reportingFrom")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("adoption.plan.table.ownDates")}</Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {wave.rollouts.map((rollout) => (
                  <Table.ExpandableRow
                    key={rollout.id}
                    open={openIds.has(rollout.id)}
                    onOpenChange={(open) => setOpen(rollout.id, open)}
                    content={openIds.has(rollout.id) ? <OfficeDetails rollout={rollout} canEdit={canEdit} onAction={onAction} /> : null}
                    data-testid="plan-office-row"
                  >
                    <Table.HeaderCell scope="row">{rollout.office.name}</Table.HeaderCell>
                    <Table.DataCell>{formatDate(rollout.plannedStart)}</Table.DataCell>
                    <Table.DataCell>{formatDate(rollout.targetDate)}</Table.DataCell>
                    <Table.DataCell>{formatMonth(rollout.reportingFrom, "long")}</Table.DataCell>
                    <Table.DataCell>{rollout.practicePlans.filter((plan) => plan.overridden).length}</Table.DataCell>
                  </Table.ExpandableRow>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </VStack>
    </section>
  );
}

function OfficeDetails({ rollout, canEdit, onAction }: { rollout: PlanRollout; canEdit: boolean; onAction: (dialog: PlanDialog) => void }) {
  const history = historyEntries(rollout.office.rolloutHistory);
  const officeName = rollout.office.name;
  return (
    <VStack gap="space-16" data-testid="plan-office-details">
      {canEdit && (
        <HStack gap="space-8" wrap>
          <Button type="button" size="small" variant="secondary" onClick={() => onAction({ kind: "moveOffice", rolloutId: rollout.id })}>
            {t("adoption.plan.move.open")}
            <span className="aksel-sr-only"> {t("adoption.plan.forOffice", { office: officeName })}</span>
          </Button>
          <Button type="button" size="small" variant="secondary" onClick={() => onAction({ kind: "editDates", rolloutId: rollout.id })}>
            {t("adoption.plan.dates.open")}
            <span className="aksel-sr-only"> {t("adoption.plan.forOffice", { office: officeName })}</span>
          </Button>
        </HStack>
      )}
      <VStack gap="space-4">
        <Heading level="4" size="xsmall">
          {t("adoption.plan.office.practices", { office: officeName })}
        </Heading>
        <Table size="small">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("adoption.plan.table.practice")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("adoption.plan.form.start")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("adoption.plan.form.target")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("adoption.plan.table.dates")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rollout.practicePlans.map((plan) => (
              <Table.Row key={plan.practice.id}>
                <Table.HeaderCell scope="row">{plan.practice.name}</Table.HeaderCell>
                <Table.DataCell>{formatDate(plan.plannedStart)}</Table.DataCell>
                <Table.DataCell>{formatDate(plan.targetDate)}</Table.DataCell>
                <Table.DataCell>{t(plan.overridden ? "adoption.plan.table.own" : "adoption.plan.table.officeDates")}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </VStack>
      <VStack gap="space-4">
        <Heading level="4" size="xsmall">
          {t("adoption.plan.office.history", { office: officeName })}
        </Heading>
        <BodyShort size="small" textColor="subtle">
          {t("adoption.plan.office.historyNote")}
        </BodyShort>
        <ul className="samla-plan-history" data-testid="plan-office-history">
          {history.map((entry) => (
            <li key={entry.key}>
              <BodyShort size="small">{entry.text}</BodyShort>
            </li>
          ))}
        </ul>
      </VStack>
    </VStack>
  );
}
