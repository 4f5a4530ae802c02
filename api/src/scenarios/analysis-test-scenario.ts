// Test data for the analysis tests: two offices merging into a planned one, and a hand-made
// to-be design, written straight to the database so the expected figures can be worked
// out by hand (see the comments) without depending on how the edit mutations copy rows.
//
// As-is on 2029-12-31:
//   Nav Aust: Ledelse [Anne LEDER 1.0]
//             └ Oppfølging (ARBOPP, MARKED) [Per VEIL 1.0, Siri VEIL 0.8, Tor VEIL 0.6] → Anne
//             Sosial (OKSOS) [Una SAKSB 1.0, Tor SAKSB 0.4] → Anne
//             (Eva: ended 2029-06-30; Finn: starts 2030-02-01; both outside the as-is)
//   Nav Vest: Sosialtjenesten (OKSOS, MARKED) [Bjørn LEDER 1.0, Kari SAKSB 1.0, Lise MERK 0.5, Ola VEIL 1.0] → Bjørn
// To-be (merger into Nav Midt):
//   Ledelse UNCHANGED [Anne]
//   └ Oppfølging CHANGED (ARBOPP only) [Per, Siri now SAKSB 0.8, Tor 0.6, vacant VEIL 1.0] → Anne
//   Sosial CLOSED [Una and Tor's 0.4 closed]
//   Sosialtjenesten UNCHANGED (OKSOS only) [Bjørn, Kari, Lise 0.5 → Anne, Una SAKSB 1.0 NEW, Ola CLOSED] → Bjørn
//   └ Kvalifisering NEW (KVP) [vacant SAKSB 0.5, Tor SAKSB 0.5 NEW] → Bjørn
// MARKED is delivered by no open to-be team; KVP is new.
import type { ChangeAction, Db } from "@samla/schema";
import { date } from "../../test/fixtures";

export async function createAnalysisScenario(db: Db) {
  const [aust, vest, midt] = await Promise.all([
    db.office.create({ data: { code: "4001", name: "Nav Aust", validFrom: date("2000-01-01") } }),
    db.office.create({ data: { code: "4002", name: "Nav Vest", validFrom: date("2000-01-01") } }),
    db.office.create({ data: { code: "4003", name: "Nav Midt", status: "PLANNED", validFrom: date("2030-01-01") } }),
  ]);
  const [oksos, arbopp, marked, kvp] = await Promise.all([
    db.service.create({ data: { code: "OKSOS", name: "Økonomisk sosialhjelp", provider: "MUNICIPAL" } }),
    db.service.create({ data: { code: "ARBOPP", name: "Arbeidsrettet oppfølging", provider: "STATE" } }),
    db.service.create({ data: { code: "MARKED", name: "Markedsarbeid", provider: "STATE" } }),
    db.service.create({ data: { code: "KVP", name: "Kvalifiseringsprogrammet", provider: "MUNICIPAL" } }),
  ]);
  const [leder, veil, saksb, merk] = await Promise.all([
    db.role.create({ data: { code: "LEDER", name: "Nav-leder", category: "LEADER" } }),
    db.role.create({ data: { code: "VEIL", name: "Veileder", category: "ADVISER" } }),
    db.role.create({ data: { code: "SAKSB", name: "Saksbehandler", category: "CASEWORKER" } }),
    db.role.create({ data: { code: "MERK", name: "Merkantil", category: "SUPPORT" } }),
  ]);

  const ledelse = await db.team.create({ data: { officeId: aust.id, name: "Ledelse" } });
  const oppfolging = await db.team.create({
    data: {
      officeId: aust.id,
      parentId: ledelse.id,
      name: "Oppfølging",
      services: { connect: [{ id: arbopp.id }, { id: marked.id }] },
    },
  });
  const sosial = await db.team.create({ data: { officeId: aust.id, name: "Sosial", services: { connect: [{ id: oksos.id }] } } });
  const sosialVest = await db.team.create({
    data: { officeId: vest.id, name: "Sosialtjenesten", services: { connect: [{ id: oksos.id }, { id: marked.id }] } },
  });

  const person = (name: string, employer: "STATE" | "MUNICIPAL") =>
    db.person.create({ data: { name, email: `${name.split(" ")[0]!.toLowerCase()}@analyse.test`, employer } });
  const anne = await person("Anne Aas", "STATE");
  const per = await person("Per Pedersen", "STATE");
  const siri = await person("Siri Sand", "MUNICIPAL");
  const tor = await person("Tor Tangen", "STATE");
  const una = await person("Una Utne", "MUNICIPAL");
  const bjorn = await person("Bjørn Berg", "MUNICIPAL");
  const kari = await person("Kari Krog", "MUNICIPAL");
  const lise = await person("Lise Lund", "STATE");
  const ola = await person("Ola Ore", "STATE");
  const eva = await person("Eva Eng", "STATE");
  const finn = await person("Finn Fjell", "STATE");

  const assign = (personId: string, teamId: string, roleId: string, fte: string, reportsToId: string | null, start = "2020-01-01", end: string | null = null) =>
    db.assignment.create({
      data: { personId, teamId, roleId, fte, reportsToId, startDate: date(start), endDate: end ? date(end) : null },
    });
  const a = {
    anne: await assign(anne.id, ledelse.id, leder.id, "1.00", null),
    per: await assign(per.id, oppfolging.id, veil.id, "1.00", anne.id),
    siri: await assign(siri.id, oppfolging.id, veil.id, "0.80", anne.id),
    tor: await assign(tor.id, oppfolging.id, veil.id, "0.60", anne.id),
    torSosial: await assign(tor.id, sosial.id, saksb.id, "0.40", anne.id),
    una: await assign(una.id, sosial.id, saksb.id, "1.00", anne.id),
    bjorn: await assign(bjorn.id, sosialVest.id, leder.id, "1.00", null),
    kari: await assign(kari.id, sosialVest.id, saksb.id, "1.00", bjorn.id),
    lise: await assign(lise.id, sosialVest.id, merk.id, "0.50", bjorn.id),
    ola: await assign(ola.id, sosialVest.id, veil.id, "1.00", bjorn.id),
  };
  await assign(eva.id, oppfolging.id, veil.id, "1.00", anne.id, "2020-01-01", "2029-06-30");
  await assign(finn.id, oppfolging.id, veil.id, "1.00", anne.id, "2030-02-01");

  const merger = await db.merger.create({
    data: {
      name: "Nav Midt",
      targetOfficeId: midt.id,
      effectiveDate: date("2030-01-01"),
      sourceOffices: { connect: [{ id: aust.id }, { id: vest.id }] },
    },
  });
  const scenario = await db.scenario.create({
    data: {
      name: "Analyse",
      mergerId: merger.id,
      base: "AS_IS",
      asOfDate: date("2029-12-31"),
      effectiveDate: date("2030-01-01"),
      createdBySubject: "sub-planner",
      createdByName: "Pia Planlegger",
      offices: { connect: [{ id: aust.id }, { id: vest.id }] },
    },
  });

  let order = 0;
  const team = (
    data: { name: string; officeId: string; sourceTeamId?: string; parentId?: string; action: ChangeAction },
    serviceIds: string[],
  ) =>
    db.scenarioTeam.create({
      data: {
        ...data,
        scenarioId: scenario.id,
        position: order++,
        services: { connect: serviceIds.map((id) => ({ id })) },
      },
    });
  const tLedelse = await team({ name: "Ledelse", officeId: aust.id, sourceTeamId: ledelse.id, action: "UNCHANGED" }, []);
  const tOppfolging = await team(
    { name: "Oppfølging", officeId: aust.id, sourceTeamId: oppfolging.id, parentId: tLedelse.id, action: "CHANGED" },
    [arbopp.id],
  );
  const tSosial = await team({ name: "Sosial", officeId: aust.id, sourceTeamId: sosial.id, action: "CLOSED" }, [oksos.id]);
  const tSosialVest = await team(
    { name: "Sosialtjenesten", officeId: vest.id, sourceTeamId: sosialVest.id, action: "CHANGED" },
    [oksos.id],
  );
  const tKvalifisering = await team({ name: "Kvalifisering", officeId: vest.id, parentId: tSosialVest.id, action: "NEW" }, [kvp.id]);

  const position = (data: {
    teamId: string;
    roleId: string;
    fte: string;
    personId?: string | null;
    sourceAssignmentId?: string;
    reportsToId?: string | null;
    action: ChangeAction;
  }) => db.scenarioPosition.create({ data: { ...data, scenarioId: scenario.id } });
  const p = {} as Record<string, Awaited<ReturnType<typeof position>>>;
  p.anne = await position({ teamId: tLedelse.id, roleId: leder.id, fte: "1.00", personId: anne.id, sourceAssignmentId: a.anne.id, action: "UNCHANGED" });
  p.bjorn = await position({ teamId: tSosialVest.id, roleId: leder.id, fte: "1.00", personId: bjorn.id, sourceAssignmentId: a.bjorn.id, action: "UNCHANGED" });
  const underAnne = { reportsToId: p.anne.id };
  const underBjorn = { reportsToId: p.bjorn.id };
  p.per = await position({ teamId: tOppfolging.id, roleId: veil.id, fte: "1.00", personId: per.id, sourceAssignmentId: a.per.id, action: "UNCHANGED", ...underAnne });
  p.siri = await position({ teamId: tOppfolging.id, roleId: saksb.id, fte: "0.80", personId: siri.id, sourceAssignmentId: a.siri.id, action: "CHANGED", ...underAnne });
  p.tor = await position({ teamId: tOppfolging.id, roleId: veil.id, fte: "0.60", personId: tor.id, sourceAssignmentId: a.tor.id, action: "UNCHANGED", ...underAnne });
  p.vacantVeileder = await position({ teamId: tOppfolging.id, roleId: veil.id, fte: "1.00", action: "NEW", ...underAnne });
  p.torSosial = await position({ teamId: tSosial.id, roleId: saksb.id, fte: "0.40", personId: tor.id, sourceAssignmentId: a.torSosial.id, action: "CLOSED", ...underAnne });
  p.unaOld = await position({ teamId: tSosial.id, roleId: saksb.id, fte: "1.00", personId: null, sourceAssignmentId: a.una.id, action: "CLOSED", ...underAnne });
  p.kari = await position({ teamId: tSosialVest.id, roleId: saksb.id, fte: "1.00", personId: kari.id, sourceAssignmentId: a.kari.id, action: "UNCHANGED", ...underBjorn });
  p.lise = await position({ teamId: tSosialVest.id, roleId: merk.id, fte: "0.50", personId: lise.id, sourceAssignmentId: a.lise.id, action: "CHANGED", ...underAnne });
  p.una = await position({ teamId: tSosialVest.id, roleId: saksb.id, fte: "1.00", personId: una.id, action: "NEW", ...underBjorn });
  p.ola = await position({ teamId: tSosialVest.id, roleId: veil.id, fte: "1.00", personId: ola.id, sourceAssignmentId: a.ola.id, action: "CLOSED", ...underBjorn });
  p.vacantSaksbehandler = await position({ teamId: tKvalifisering.id, roleId: saksb.id, fte: "0.50", action: "NEW", ...underBjorn });
  p.torKvalifisering = await position({ teamId: tKvalifisering.id, roleId: saksb.id, fte: "0.50", personId: tor.id, action: "NEW", ...underBjorn });

  return {
    scenario,
    merger,
    offices: { aust, vest, midt },
    services: { oksos, arbopp, marked, kvp },
    roles: { leder, veil, saksb, merk },
    asIsTeams: { ledelse, oppfolging, sosial, sosialVest },
    teams: { ledelse: tLedelse, oppfolging: tOppfolging, sosial: tSosial, sosialVest: tSosialVest, kvalifisering: tKvalifisering },
    people: { anne, per, siri, tor, una, bjorn, kari, lise, ola, eva, finn },
    positions: p,
  };
}

export type AnalysisScenario = Awaited<ReturnType<typeof createAnalysisScenario>>;
