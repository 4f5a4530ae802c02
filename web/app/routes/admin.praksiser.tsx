// /admin/praksiser: the methodology's practices by theme, with what maturity levels 0-4
// mean and every version (admin only). A change to name, description or level texts
// makes a new version, so assessments made before keep their meaning.
import { PlusIcon } from "@navikt/aksel-icons";
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HStack,
  Modal,
  ReadMore,
  Table,
  Tag,
  VStack,
} from "@navikt/ds-react";
import { type MetaFunction } from "@remix-run/react";
import { useState } from "react";
import { describeError, ErrorState, LoadingMessage } from "../components/States";
import { request } from "../graphql";
import { formatDate, t } from "../i18n";
import { AdminSubNav, catalogueAccessLoader, CatalogueNoAccess } from "../methods/catalogue/components";
import { CataloguePracticesQuery, RetirePracticeMutation } from "../methods/catalogue/documents";
import { PRACTICE_THEMES, PracticeForm, type CataloguePractice } from "../methods/catalogue/PracticeForm";
import { themeName } from "../methods/record/MaturityPanel";
import { useLoad } from "../methods/record/use-load";
import { useClientLoaderData } from "../routing";

export const meta: MetaFunction = () => [{ title: `${t("catalogue.practices.title")} – ${t("app.name")}` }];

export const clientLoader = catalogueAccessLoader;

export default function AdminPracticesRoute() {
  const { allowed } = useClientLoaderData<typeof clientLoader>();
  if (!allowed) return <CatalogueNoAccess />;
  return <PracticeCatalogue />;
}

/** Which dialog is open: a new practice, or changing one (by id, so a reload updates it). */
type Dialog = { kind: "create" } | { kind: "edit"; id: string } | null;

function PracticeCatalogue() {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<{ variant: "success" | "error"; text: string } | null>(null);

  const loaded = useLoad((signal) => request(CataloguePracticesQuery, {}, { signal }).then((data) => data.practices), []);
  const practices = loaded.status === "ok" ? loaded.data : null;
  const load = loaded.reload;

  const saved = (text: string) => {
    setDialog(null);
    setNotice({ variant: "success", text });
    load();
  };

  const toggleRetired = async (practice: CataloguePractice) => {
    const retire = !practice.retiredAt;
    try {
      const data = await request(RetirePracticeMutation, { input: { id: practice.id, version: practice.version, retired: retire } });
      const result = data.retirePractice;
      if (result.__typename === "RetirePracticePayload") {
        setNotice({
          variant: "success",
          text: t(retire ? "catalogue.practice.retired" : "catalogue.practice.reinstated", { name: practice.name }),
        });
      } else {
        setNotice({ variant: "error", text: result.message });
      }
    } catch (caught) {
      setNotice({ variant: "error", text: describeError(caught) });
    }
    load();
  };

  const editing = dialog?.kind === "edit" ? (practices?.find((practice) => practice.id === dialog.id) ?? null) : null;

  return (
    <VStack gap="space-32">
      <AdminSubNav />
      <VStack gap="space-12" align="start">
        <Heading level="1" size="xlarge">
          {t("catalogue.practices.title")}
        </Heading>
        <BodyLong style={{ maxWidth: "48rem" }}>{t("catalogue.practices.intro")}</BodyLong>
        <Button type="button" icon={<PlusIcon aria-hidden />} onClick={() => setDialog({ kind: "create" })}>
          {t("catalogue.practice.new")}
        </Button>
      </VStack>
      {notice && (
        <Alert
          variant={notice.variant}
          role={notice.variant === "success" ? "status" : "alert"}
          closeButton
          onClose={() => setNotice(null)}
        >
          {notice.text}
        </Alert>
      )}
      {loaded.status === "error" ? (
        <ErrorState title={t("catalogue.practices.error")} error={loaded.error} headingLevel="2" />
      ) : practices === null ? (
        <LoadingMessage text={t("catalogue.practices.loading")} />
      ) : practices.length === 0 ? (
        <BodyShort>{t("catalogue.practices.empty")}</BodyShort>
      ) : (
        PRACTICE_THEMES.filter((theme) => practices.some((practice) => practice.theme === theme)).map((theme) => (
          <section key={theme} aria-labelledby={`theme-${theme}`}>
            <Heading id={`theme-${theme}`} level="2" size="large" spacing>
              {themeName(theme)}
            </Heading>
            <VStack as="ul" gap="space-16" className="samla-plain-list">
              {practices
                .filter((practice) => practice.theme === theme)
                .map((practice) => (
                  <li key={practice.id}>
                    <PracticeCard
                      practice={practice}
                      onEdit={() => setDialog({ kind: "edit", id: practice.id })}
                      onToggleRetired={() => void toggleRetired(practice)}
                    />
                  </li>
                ))}
            </VStack>
          </section>
        ))
      )}
      <Modal
        open={dialog !== null}
        onClose={() => setDialog(null)}
        header={{
          heading:
            dialog?.kind === "edit" && editing
              ? t("catalogue.practice.editTitle", { name: editing.name })
              : t("catalogue.practice.new"),
        }}
        width="medium"
      >
        <Modal.Body>
          {dialog?.kind === "create" && <PracticeForm practice={null} onSaved={saved} onConflict={load} onCancel={() => setDialog(null)} />}
          {dialog?.kind === "edit" && editing && (
            <PracticeForm practice={editing} onSaved={saved} onConflict={load} onCancel={() => setDialog(null)} />
          )}
        </Modal.Body>
      </Modal>
    </VStack>
  );
}

function PracticeCard({
  practice,
  onEdit,
  onToggleRetired,
}: {
  practice: CataloguePractice;
  onEdit: () => void;
  onToggleRetired: () => void;
}) {
  const headingId = `practice-${practice.code}`;
  return (
    <Box
      as="article"
      aria-labelledby={headingId}
      padding="space-24"
      borderWidth="1"
      borderRadius="12"
      borderColor="neutral-subtle"
      data-testid="practice-card"
    >
      <VStack gap="space-12">
        <HStack gap="space-12" align="center" wrap>
          <Heading id={headingId} level="3" size="medium">
            {practice.name}
          </Heading>
          <Tag size="small" variant="neutral">
            {t("catalogue.practice.versionTag", { version: practice.currentVersion })}
          </Tag>
          {practice.retiredAt && (
            <Tag size="small" variant="warning">
              {t("catalogue.practice.retiredTag", { date: formatDate(practice.retiredAt) })}
            </Tag>
          )}
        </HStack>
        <Detail textColor="subtle">{t("catalogue.practice.codeIs", { code: practice.code })}</Detail>
        <BodyLong>{practice.description}</BodyLong>
        <div>
          <BodyShort weight="semibold">{t("catalogue.practice.levels")}</BodyShort>
          <ol start={0} style={{ margin: "var(--ax-space-4) 0 0", paddingLeft: "var(--ax-space-24)" }}>
            {practice.levels.map((text, level) => (
              <li key={level}>
                <BodyShort size="small">{text}</BodyShort>
              </li>
            ))}
          </ol>
        </div>
        <ReadMore header={t("catalogue.practice.versions", { count: practice.versions.length })} size="small">
          <div className="samla-table-scroll">
            <Table size="small">
              <caption className="aksel-sr-only">{t("catalogue.practice.versionsOf", { name: practice.name })}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col" align="right">
                    {t("catalogue.practice.col.version")}
                  </Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("catalogue.practice.col.name")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("catalogue.practice.col.created")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("catalogue.practice.col.by")}</Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {practice.versions.map((version) => (
                  <Table.Row key={version.id}>
                    <Table.DataCell align="right">{version.number}</Table.DataCell>
                    <Table.HeaderCell scope="row">{version.name}</Table.HeaderCell>
                    <Table.DataCell>{formatDate(version.createdAt)}</Table.DataCell>
                    <Table.DataCell>{version.createdBy}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </ReadMore>
        <HStack gap="space-12">
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={onEdit}
            aria-label={t("catalogue.practice.editLabel", { name: practice.name })}
          >
            {t("catalogue.edit")}
          </Button>
          <Button
            type="button"
            size="small"
            variant="tertiary"
            onClick={onToggleRetired}
            aria-label={t(practice.retiredAt ? "catalogue.practice.reinstateLabel" : "catalogue.practice.retireLabel", {
              name: practice.name,
            })}
          >
            {t(practice.retiredAt ? "catalogue.practice.reinstate" : "catalogue.practice.retire")}
          </Button>
        </HStack>
      </VStack>
    </Box>
  );
}
