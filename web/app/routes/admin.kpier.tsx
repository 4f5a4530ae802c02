// /admin/kpier: the KPI catalogue the offices record against and the comparison charts
// draw (admin only): unit, which direction is good, and the target.
import { PlusIcon } from "@navikt/aksel-icons";
import { Alert, BodyLong, BodyShort, Button, Heading, Modal, Table, VStack } from "@navikt/ds-react";
import { type MetaFunction } from "@remix-run/react";
import { useState } from "react";
import { ErrorState, LoadingMessage } from "../components/States";
import { request } from "../graphql";
import { t } from "../i18n";
import { AdminSubNav, catalogueAccessLoader, CatalogueNoAccess } from "../methods/catalogue/components";
import { CatalogueKpisQuery } from "../methods/catalogue/documents";
import { KpiForm } from "../methods/catalogue/KpiForm";
import { formatDecimal } from "../methods/compare/format";
import { useLoad } from "../methods/record/use-load";
import { useClientLoaderData } from "../routing";

export const meta: MetaFunction = () => [{ title: `${t("catalogue.kpis.title")} – ${t("app.name")}` }];

export const clientLoader = catalogueAccessLoader;

export default function AdminKpisRoute() {
  const { allowed } = useClientLoaderData<typeof clientLoader>();
  if (!allowed) return <CatalogueNoAccess />;
  return <KpiCatalogue />;
}

type Dialog = { kind: "create" } | { kind: "edit"; id: string } | null;

function KpiCatalogue() {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const loaded = useLoad((signal) => request(CatalogueKpisQuery, {}, { signal }).then((data) => data.kpis), []);
  const kpis = loaded.status === "ok" ? loaded.data : null;
  const load = loaded.reload;

  const saved = (text: string) => {
    setDialog(null);
    setNotice(text);
    load();
  };

  const editing = dialog?.kind === "edit" ? (kpis?.find((kpi) => kpi.id === dialog.id) ?? null) : null;

  return (
    <VStack gap="space-32">
      <AdminSubNav />
      <VStack gap="space-12" align="start">
        <Heading level="1" size="xlarge">
          {t("catalogue.kpis.title")}
        </Heading>
        <BodyLong style={{ maxWidth: "48rem" }}>{t("catalogue.kpis.intro")}</BodyLong>
        <Button type="button" icon={<PlusIcon aria-hidden />} onClick={() => setDialog({ kind: "create" })}>
          {t("catalogue.kpi.new")}
        </Button>
      </VStack>
      {notice && (
        <Alert variant="success" role="status" closeButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {loaded.status === "error" ? (
        <ErrorState title={t("catalogue.kpis.error")} error={loaded.error} headingLevel="2" />
      ) : kpis === null ? (
        <LoadingMessage text={t("catalogue.kpis.loading")} />
      ) : kpis.length === 0 ? (
        <BodyShort>{t("catalogue.kpis.empty")}</BodyShort>
      ) : (
        <div className="samla-table-scroll">
          <Table data-testid="kpi-catalogue">
            <caption className="aksel-sr-only">{t("catalogue.kpis.title")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("catalogue.kpi.name")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("catalogue.kpi.code")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("catalogue.kpi.unit")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("catalogue.kpi.direction")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col" align="right">
                  {t("catalogue.kpi.target")}
                </Table.ColumnHeader>
                <Table.ColumnHeader scope="col" align="right">
                  {t("catalogue.sortOrder")}
                </Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("catalogue.actions")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {kpis.map((kpi) => (
                <Table.Row key={kpi.id}>
                  <Table.HeaderCell scope="row">
                    {kpi.name}
                    {kpi.description && (
                      <BodyShort size="small" textColor="subtle">
                        {kpi.description}
                      </BodyShort>
                    )}
                  </Table.HeaderCell>
                  <Table.DataCell>{kpi.code}</Table.DataCell>
                  <Table.DataCell>{kpi.unit}</Table.DataCell>
                  <Table.DataCell>{t(`record.kpi.direction.${kpi.direction}`)}</Table.DataCell>
                  <Table.DataCell align="right">{kpi.target == null ? "–" : formatDecimal(kpi.target, 3)}</Table.DataCell>
                  <Table.DataCell align="right">{kpi.sortOrder}</Table.DataCell>
                  <Table.DataCell>
                    <Button
                      type="button"
                      size="small"
                      variant="secondary"
                      onClick={() => setDialog({ kind: "edit", id: kpi.id })}
                      aria-label={t("catalogue.kpi.editLabel", { name: kpi.name })}
                    >
                      {t("catalogue.edit")}
                    </Button>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Modal
        open={dialog !== null}
        onClose={() => setDialog(null)}
        header={{
          heading: editing ? t("catalogue.kpi.editTitle", { name: editing.name }) : t("catalogue.kpi.new"),
        }}
        width="medium"
      >
        <Modal.Body>
          {dialog?.kind === "create" && (
            <KpiForm kpi={null} onSaved={saved} onConflict={load} onCancel={() => setDialog(null)} />
          )}
          {dialog?.kind === "edit" && editing && (
            <KpiForm kpi={editing} onSaved={saved} onConflict={load} onCancel={() => setDialog(null)} />
          )}
        </Modal.Body>
      </Modal>
    </VStack>
  );
}
