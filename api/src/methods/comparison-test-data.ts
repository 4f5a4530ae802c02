// Test data for the comparison tests, and the expected values computed from it in plain
// TypeScript, independently of the SQL under test. Written with Prisma straight to the
// database. Only the tests import this file.
import type { Db, PracticeTheme } from "@samla/schema";
import { createFixtures, date } from "../../test/fixtures";

export const THEME_ORDER: PracticeTheme[] = ["USER_INSIGHT", "CASE_FLOW", "CULTURE", "LEADERSHIP", "EMPLOYEE_EMPOWERMENT", "DIGITAL_TOOLS"];

type OfficeKey = "drammen" | "lillestrom" | "asker";
type PracticeKey = "interviews" | "voice" | "valueStream" | "board" | "retiredBefore" | "retiredDuring";
type KpiKey = "time" | "deadline" | "satisfaction";

const PRACTICES: { key: PracticeKey; code: string; theme: PracticeTheme; sortOrder: number; retiredAt?: string }[] = [
  // Created out of catalogue order, so the order has to come from theme and sortOrder.
  { key: "board", code: "TAVLEMOTE", theme: "LEADERSHIP", sortOrder: 1 },
  { key: "voice", code: "BRUKERSTEMME", theme: "USER_INSIGHT", sortOrder: 2 },
  { key: "interviews", code: "BRUKERINTERVJU", theme: "USER_INSIGHT", sortOrder: 1 },
  { key: "valueStream", code: "VERDISTROM", theme: "CASE_FLOW", sortOrder: 1 },
  { key: "retiredBefore", code: "GAMMEL", theme: "CULTURE", sortOrder: 1, retiredAt: "2024-06-01" },
  { key: "retiredDuring", code: "UTGAAR", theme: "DIGITAL_TOOLS", sortOrder: 1, retiredAt: "2025-06-01" },
];

/** [office, practice, level, assessedOn]; rows are recorded in this order (createdAt ascending). */
const ASSESSMENTS: [OfficeKey, PracticeKey, number, string][] = [
  ["drammen", "interviews", 1, "2024-10-01"],
  ["drammen", "interviews", 2, "2025-03-15"], // on `from`: counts as the previous level
  ["drammen", "interviews", 3, "2025-09-01"],
  ["drammen", "interviews", 4, "2026-01-10"], // after `to`
  ["lillestrom", "interviews", 3, "2024-06-01"], // reached 3 before Drammen: leads the tie
  ["lillestrom", "interviews", 3, "2025-06-01"],
  ["lillestrom", "interviews", 3, "2025-11-01"],
  ["asker", "interviews", 3, "2025-05-01"],
  ["asker", "interviews", 2, "2025-05-01"], // same day, recorded later: this one counts
  ["lillestrom", "voice", 4, "2025-04-01"],
  ["lillestrom", "voice", 2, "2025-08-01"], // fell back to 2
  ["drammen", "voice", 2, "2025-02-01"],
  ["drammen", "valueStream", 2, "2024-01-15"],
  ["drammen", "valueStream", 3, "2024-12-01"],
  ["drammen", "valueStream", 4, "2025-07-01"],
  ["lillestrom", "valueStream", 1, "2025-10-01"],
  ["asker", "valueStream", 4, "2025-12-20"], // on `to`: included
  ["drammen", "board", 0, "2025-05-01"],
  ["lillestrom", "board", 0, "2025-05-01"],
  ["asker", "retiredDuring", 1, "2025-04-01"],
  ["drammen", "retiredBefore", 2, "2024-01-01"],
];

const KPIS: { key: KpiKey; code: string; name: string; unit: string; direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER"; target: number | null; sortOrder: number }[] = [
  { key: "deadline", code: "INNEN_FRIST", name: "Andel innen frist", unit: "%", direction: "HIGHER_IS_BETTER", target: 90, sortOrder: 2 },
  { key: "time", code: "SAKSBEHANDLINGSTID", name: "Saksbehandlingstid", unit: "dager", direction: "LOWER_IS_BETTER", target: 20, sortOrder: 1 },
  { key: "satisfaction", code: "BRUKERTILFREDSHET", name: "Brukertilfredshet", unit: "1-5", direction: "HIGHER_IS_BETTER", target: null, sortOrder: 3 },
];

/** Months November 2024 - January 2026, so periods can cut them at both ends. */
const KPI_MONTHS = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2024, 10 + i, 1)).toISOString().slice(0, 10));

function kpiMeasurements(): [OfficeKey, KpiKey, string, number][] {
  const rows: [OfficeKey, KpiKey, string, number][] = [];
  KPI_MONTHS.forEach((month, m) => {
    rows.push(["drammen", "time", month, 40 - m * 1.375]);
    rows.push(["lillestrom", "time", month, 30 + ((m * 7) % 5) * 0.125]);
    rows.push(["drammen", "deadline", month, 61.5 + m * 2]);
    rows.push(["lillestrom", "deadline", month, 80.25 - (m % 3)]);
    rows.push(["lillestrom", "satisfaction", month, 3.1 + (m % 4) * 0.2]);
    // Asker: only some months, only one KPI.
    if (m % 3 === 0) rows.push(["asker", "time", month, 25 + m]);
  });
  return rows;
}

type FlowStep = [stageKey: string, name: string, role: "saksbehandler" | "veileder" | null, duration: number, waiting: number, handOffs: number];

/** [office, service, recordedOn, steps] */
const FLOWS: [OfficeKey, "sosialhjelp" | "oppfolging", string, FlowStep[]][] = [
  ["lillestrom", "sosialhjelp", "2024-05-01", [["MOTTAK", "Mottak", null, 9, 9, 9], ["VEDTAK", "Vedtak", null, 9, 9, 9]]], // superseded
  [
    "drammen",
    "sosialhjelp",
    "2025-01-10",
    [
      ["MOTTAK", "Mottak og registrering", "saksbehandler", 0.5, 1, 1],
      ["KARTLEGGING", "Kartlegging", "saksbehandler", 2, 1.5, 1],
      ["VEDTAK", "Vedtak", "saksbehandler", 1, 0.5, 0],
      ["UTBETALING", "Utbetaling", null, 0.5, 0, 1],
    ],
  ],
  ["drammen", "sosialhjelp", "2026-02-01", [["MOTTAK", "Mottak", null, 0.25, 0.25, 0]]], // after `to`
  [
    "lillestrom",
    "sosialhjelp",
    "2025-06-01",
    [
      ["MOTTAK", "Mottak", "veileder", 1, 3, 1],
      ["KARTLEGGING", "Kartlegging", "veileder", 3, 4, 2],
      ["VURDERING", "Vurdering av vilkår", "saksbehandler", 2, 2.25, 1],
      ["VURDERING", "Innhente dokumentasjon", "saksbehandler", 1.5, 5, 2],
      ["VEDTAK", "Vedtak", "saksbehandler", 1, 1, 1],
      ["UTBETALING", "Utbetaling", null, 0.5, 0.5, 0],
      ["OPPFOLGING", "Oppfølging", "veileder", 1, 2, 1],
    ],
  ],
  [
    "asker",
    "sosialhjelp",
    "2025-03-01",
    [
      ["MOTTAK", "Mottak", null, 0.5, 0.5, 0],
      ["VEDTAK", "Vedtak", "saksbehandler", 2, 1, 1],
      ["KLAGE", "Klagebehandling", "saksbehandler", 3, 2, 2],
      ["UTBETALING", "Utbetaling", null, 0.5, 1, 0],
    ],
  ],
  ["drammen", "oppfolging", "2025-02-01", [["MOTTAK", "Mottak", "veileder", 1, 1, 1]]],
];

/** [office, theme, kind, text, interviewedOn] */
const INSIGHTS: [OfficeKey, string, "QUOTE" | "SUMMARY", string, string][] = [
  ["drammen", "Ventetid", "QUOTE", "Jeg ventet i seks uker.", "2025-04-01"],
  ["drammen", "Ventetid", "SUMMARY", "Mange opplever lang ventetid.", "2025-10-01"],
  ["drammen", "Ventetid", "QUOTE", "Ingen ringte meg tilbake.", "2025-06-01"],
  ["drammen", "Ventetid", "QUOTE", "Før perioden.", "2025-01-01"],
  ["drammen", "Informasjon", "SUMMARY", "Brukerne savner informasjon om saksgangen.", "2025-05-01"],
  ["lillestrom", "Informasjon", "QUOTE", "Jeg forsto ikke hva jeg skulle sende inn.", "2025-07-01"],
  ["lillestrom", "Informasjon", "QUOTE", "Brevet var uforståelig.", "2025-08-01"],
  ["lillestrom", "Informasjon", "SUMMARY", "Informasjonen er spredt på mange kanaler.", "2025-11-01"],
  ["lillestrom", "Respekt", "SUMMARY", "Brukerne føler seg møtt med respekt.", "2025-09-01"],
  ["lillestrom", "Ventetid", "QUOTE", "Etter perioden.", "2026-01-05"],
  ["asker", "Ventetid", "QUOTE", "Lenge siden.", "2024-03-01"],
];

/** [office, dimension, current, target, assessedOn] */
const CULTURE: [OfficeKey, string, number, number, string][] = [
  ["drammen", "Psykologisk trygghet", 2.5, 4, "2024-09-01"],
  ["drammen", "Psykologisk trygghet", 3, 4.5, "2025-09-01"],
  ["drammen", "Brukerorientering", 3.5, 4.5, "2025-09-01"],
  ["lillestrom", "Psykologisk trygghet", 3.5, 4.5, "2025-05-01"],
  ["lillestrom", "Psykologisk trygghet", 4, 4.5, "2026-02-01"], // after `to`
  ["lillestrom", "Samarbeid på tvers", 2, 4, "2025-05-01"],
];

const AUTHOR = { authorSubject: "sub-test", authorName: "Test Testesen" };

export async function createComparisonData(db: Db) {
  const f = await createFixtures(db);
  const asker = await db.office.create({ data: { code: "3025", name: "Nav Asker", isPilot: true, validFrom: date("2020-01-01") } });
  const offices: Record<OfficeKey, { id: string; name: string; code: string }> = {
    drammen: f.offices.drammen,
    lillestrom: f.offices.lillestrom,
    asker,
  };

  const practices = {} as Record<PracticeKey, { id: string; versionId: string; code: string; theme: PracticeTheme; sortOrder: number; name: string }>;
  for (const p of PRACTICES) {
    const name = `Praksis ${p.code.toLowerCase()}`;
    const created = await db.practice.create({
      data: {
        code: p.code,
        theme: p.theme,
        sortOrder: p.sortOrder,
        retiredAt: p.retiredAt ? date(p.retiredAt) : null,
        versions: { create: { number: 1, name, description: "Beskrivelse", levels: ["0", "1", "2", "3", "4"], createdBy: "Ada Admin" } },
      },
      include: { versions: true },
    });
    practices[p.key] = { id: created.id, versionId: created.versions[0]!.id, code: p.code, theme: p.theme, sortOrder: p.sortOrder, name };
  }

  const start = Date.UTC(2026, 0, 1);
  const assessments = [];
  for (const [index, [office, practice, level, assessedOn]] of ASSESSMENTS.entries()) {
    assessments.push(
      await db.maturityAssessment.create({
        data: {
          officeId: offices[office].id,
          practiceId: practices[practice].id,
          practiceVersionId: practices[practice].versionId,
          level,
          assessedOn: date(assessedOn),
          evidence: `Bevis ${index}: ${office} ${practice} nivå ${level}`,
          createdAt: new Date(start + index * 60_000),
          ...AUTHOR,
        },
      }),
    );
  }

  const kpis = {} as Record<KpiKey, { id: string; name: string; unit: string; target: number | null; sortOrder: number }>;
  for (const k of KPIS) {
    const created = await db.kpi.create({
      data: { code: k.code, name: k.name, unit: k.unit, direction: k.direction, target: k.target, sortOrder: k.sortOrder },
    });
    kpis[k.key] = { id: created.id, name: k.name, unit: k.unit, target: k.target, sortOrder: k.sortOrder };
  }
  const measurements = kpiMeasurements().map(([office, kpi, period, value]) => ({
    officeId: offices[office].id,
    kpiId: kpis[kpi].id,
    period: date(period),
    value: Number(value.toFixed(3)),
  }));
  await db.kpiMeasurement.createMany({ data: measurements.map((m) => ({ ...m, ...AUTHOR })) });

  const roles = { saksbehandler: f.roles.saksbehandler, veileder: f.roles.veileder };
  const flows = [];
  for (const [index, [office, service, recordedOn, steps]] of FLOWS.entries()) {
    const flow = await db.processFlow.create({
      data: {
        officeId: offices[office].id,
        serviceId: f.services[service].id,
        recordedOn: date(recordedOn),
        createdAt: new Date(start + index * 60_000),
        ...AUTHOR,
        steps: {
          create: steps.map(([stageKey, name, role, durationDays, waitingDays, handOffs], i) => ({
            order: i + 1,
            stageKey,
            name,
            responsibleRoleId: role ? roles[role].id : null,
            durationDays,
            waitingDays,
            handOffs,
          })),
        },
      },
      include: { steps: { orderBy: { order: "asc" } } },
    });
    flows.push({
      officeId: flow.officeId,
      serviceId: flow.serviceId,
      recordedOn: flow.recordedOn,
      steps: flow.steps.map((s) => ({
        id: s.id,
        order: s.order,
        stageKey: s.stageKey,
        name: s.name,
        roleName: s.responsibleRoleId === roles.saksbehandler.id ? roles.saksbehandler.name : s.responsibleRoleId ? roles.veileder.name : null,
        durationDays: s.durationDays.toNumber(),
        waitingDays: s.waitingDays.toNumber(),
        handOffs: s.handOffs,
      })),
    });
  }

  const insights = [];
  for (const [index, [office, theme, kind, text, interviewedOn]] of INSIGHTS.entries()) {
    insights.push(
      await db.userInsight.create({
        data: {
          officeId: offices[office].id,
          serviceId: f.services.sosialhjelp.id,
          theme,
          kind,
          text,
          interviewedOn: date(interviewedOn),
          createdAt: new Date(start + index * 60_000),
          ...AUTHOR,
        },
      }),
    );
  }

  const culture = [];
  for (const [index, [office, dimension, currentScore, targetScore, assessedOn]] of CULTURE.entries()) {
    culture.push(
      await db.cultureAssessment.create({
        data: {
          officeId: offices[office].id,
          dimension,
          currentScore,
          targetScore,
          assessedOn: date(assessedOn),
          createdAt: new Date(start + index * 60_000),
          ...AUTHOR,
        },
      }),
    );
  }

  return { f, offices, practices, kpis, assessments, measurements, flows, insights, culture };
}

export type ComparisonData = Awaited<ReturnType<typeof createComparisonData>>;

// ---- Expected values, computed the obvious way ------------------------------------------

export interface Period {
  from: Date;
  to: Date;
}

const newestFirst = <T extends { createdAt: Date; assessedOn: Date }>(a: T, b: T) =>
  b.assessedOn.getTime() - a.assessedOn.getTime() || b.createdAt.getTime() - a.createdAt.getTime();

export function expectedPractices(data: ComparisonData, period: Period) {
  return Object.values(data.practices)
    .filter((p) => {
      const retiredAt = PRACTICES.find((x) => x.code === p.code)!.retiredAt;
      return !retiredAt || date(retiredAt) >= period.from;
    })
    .sort((a, b) => THEME_ORDER.indexOf(a.theme) - THEME_ORDER.indexOf(b.theme) || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}

export function expectedCell(data: ComparisonData, officeId: string, practiceId: string, period: Period) {
  const history = data.assessments.filter((a) => a.officeId === officeId && a.practiceId === practiceId && a.assessedOn <= period.to).sort(newestFirst);
  const previous = history.filter((a) => a.assessedOn <= period.from);
  return {
    level: history[0]?.level ?? null,
    assessedOn: history[0] ? iso(history[0].assessedOn) : null,
    previousLevel: previous[0]?.level ?? null,
    assessmentCount: history.length,
    history,
  };
}

export function expectedKpi(data: ComparisonData, kpiId: string, officeId: string, period: Period) {
  const firstMonth = new Date(Date.UTC(period.from.getUTCFullYear(), period.from.getUTCMonth(), 1));
  const points = data.measurements
    .filter((m) => m.kpiId === kpiId && m.officeId === officeId && m.period >= firstMonth && m.period <= period.to)
    .sort((a, b) => a.period.getTime() - b.period.getTime())
    .map((m) => ({ period: iso(m.period), value: m.value }));
  const latest = points.at(-1) ?? null;
  const average = points.length ? points.reduce((sum, p) => sum + p.value, 0) / points.length : null;
  return { points, latest, average };
}

/** The flow of an office for a service in force on `to`. */
export function expectedFlow(data: ComparisonData, officeId: string, serviceId: string, to: Date) {
  const flow = data.flows
    .filter((fl) => fl.officeId === officeId && fl.serviceId === serviceId && fl.recordedOn <= to)
    .sort((a, b) => b.recordedOn.getTime() - a.recordedOn.getTime())[0];
  if (!flow) return null;
  const total = flow.steps.reduce((sum, s) => sum + s.durationDays + s.waitingDays, 0);
  const waiting = flow.steps.reduce((sum, s) => sum + s.waitingDays, 0);
  const stageLead = (stageKey: string) => {
    const steps = flow.steps.filter((s) => s.stageKey === stageKey);
    return steps.length ? steps.reduce((sum, s) => sum + s.durationDays + s.waitingDays, 0) : null;
  };
  return {
    recordedOn: iso(flow.recordedOn),
    steps: flow.steps,
    totalLeadTimeDays: total,
    workingDays: total - waiting,
    waitingDays: waiting,
    waitingShare: waiting / total,
    handOffs: flow.steps.reduce((sum, s) => sum + s.handOffs, 0),
    stepCount: flow.steps.length,
    stageLead,
  };
}

export function expectedInsightCell(data: ComparisonData, officeId: string, theme: string, period: Period) {
  const inPeriod = data.insights.filter((i) => i.officeId === officeId && i.interviewedOn >= period.from && i.interviewedOn <= period.to);
  const onTheme = inPeriod.filter((i) => i.theme === theme);
  const quotes = onTheme.filter((i) => i.kind === "QUOTE");
  const pick = (quotes.length ? quotes : onTheme).sort((a, b) => b.interviewedOn.getTime() - a.interviewedOn.getTime())[0];
  return {
    count: onTheme.length,
    share: inPeriod.length ? onTheme.length / inPeriod.length : null,
    example: pick?.text ?? null,
  };
}

export function expectedCultureCell(data: ComparisonData, officeId: string, dimension: string, to: Date) {
  const latest = data.culture
    .filter((c) => c.officeId === officeId && c.dimension === dimension && c.assessedOn <= to)
    .sort((a, b) => b.assessedOn.getTime() - a.assessedOn.getTime())[0];
  if (!latest) return { current: null, target: null, gap: null };
  const current = latest.currentScore.toNumber();
  const target = latest.targetScore.toNumber();
  return { current, target, gap: target - current };
}

/** Per practice: the office furthest along (level > 0), ties to the one that got there first, then by name. */
export function expectedLeader(data: ComparisonData, practiceId: string, officeIds: string[], period: Period) {
  const candidates = officeIds.flatMap((officeId) => {
    const { level, history } = expectedCell(data, officeId, practiceId, period);
    if (level === null || level === 0) return [];
    const reachedOn = Math.min(...history.filter((a) => a.level >= level).map((a) => a.assessedOn.getTime()));
    const name = Object.values(data.offices).find((o) => o.id === officeId)!.name;
    return [{ officeId, level, reachedOn, name }];
  });
  candidates.sort((a, b) => b.level - a.level || a.reachedOn - b.reachedOn || a.name.localeCompare(b.name));
  const leader = candidates[0];
  return leader ? { officeId: leader.officeId, level: leader.level, reachedOn: iso(new Date(leader.reachedOn)) } : null;
}

export function iso(value: Date): string {
  return value.toISOString().slice(0, 10);
}
