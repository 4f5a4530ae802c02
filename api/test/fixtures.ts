// Small fixtures, written straight to the database: three offices (one spearhead, one
// pilot, one ordinary), a planned office, teams with a nested one, roles, services,
// people with current and ended assignments.
import type { Db } from "@samla/schema";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { parseDate } from "../src/lib/dates";

export const gid = encodeGlobalID;

export function date(value: string): Date {
  const parsed = parseDate(value);
  if (!parsed) throw new Error(`bad date ${value}`);
  return parsed;
}

export async function createFixtures(db: Db) {
  const [lillestrom, drammen, baerum, skedsmo] = await Promise.all([
    db.municipality.create({ data: { number: "3030", name: "Lillestrøm", county: "Akershus", validFrom: date("2020-01-01") } }),
    db.municipality.create({ data: { number: "3005", name: "Drammen", county: "Buskerud", validFrom: date("2020-01-01") } }),
    db.municipality.create({ data: { number: "3024", name: "Bærum", county: "Akershus", validFrom: date("2020-01-01") } }),
    db.municipality.create({
      data: { number: "0231", name: "Skedsmo", county: "Akershus", validFrom: date("1964-01-01"), validTo: date("2019-12-31") },
    }),
  ]);
  await db.municipality.update({ where: { id: skedsmo.id }, data: { mergedIntoId: lillestrom.id } });

  const officeLillestrom = await db.office.create({
    data: {
      code: "0230",
      name: "Nav Lillestrøm",
      isPilot: true,
      isSpearhead: true,
      validFrom: date("2020-01-01"),
      municipalities: { connect: [{ id: lillestrom.id }] },
    },
  });
  const officeDrammen = await db.office.create({
    data: {
      code: "0602",
      name: "Nav Drammen",
      isPilot: true,
      validFrom: date("2020-01-01"),
      municipalities: { connect: [{ id: drammen.id }] },
    },
  });
  const officeBaerum = await db.office.create({
    data: { code: "0219", name: "Nav Bærum", validFrom: date("2000-01-01"), municipalities: { connect: [{ id: baerum.id }] } },
  });
  const officeClosed = await db.office.create({
    data: { code: "0231", name: "Nav Skedsmo", status: "MERGED", validFrom: date("2000-01-01"), validTo: date("2019-12-31") },
  });
  const officePlanned = await db.office.create({
    data: { code: "0299", name: "Nav Vestlandet planlagt", status: "PLANNED", validFrom: date("2030-01-01") },
  });

  const [sosialhjelp, oppfolging, dagpenger] = await Promise.all([
    db.service.create({ data: { code: "OKSOS", name: "Økonomisk sosialhjelp", provider: "MUNICIPAL", deadlineDays: 30 } }),
    db.service.create({ data: { code: "ARBOPP", name: "Arbeidsrettet oppfølging", provider: "STATE" } }),
    db.service.create({ data: { code: "DAGP", name: "Veiledning om dagpenger", provider: "STATE" } }),
  ]);

  const [veileder, saksbehandler, leder] = await Promise.all([
    db.role.create({ data: { code: "VEIL", name: "Veileder", category: "ADVISER" } }),
    db.role.create({ data: { code: "SAKSB", name: "Saksbehandler", category: "CASEWORKER" } }),
    db.role.create({ data: { code: "LEDER", name: "Nav-leder", category: "LEADER" } }),
  ]);

  const teamOppfolging = await db.team.create({
    data: {
      officeId: officeLillestrom.id,
      name: "Oppfølging",
      purpose: "Arbeidsrettet oppfølging",
      services: { connect: [{ id: oppfolging.id }, { id: dagpenger.id }] },
    },
  });
  const teamUngdom = await db.team.create({
    data: { officeId: officeLillestrom.id, parentId: teamOppfolging.id, name: "Ungdomsteamet", services: { connect: [{ id: oppfolging.id }] } },
  });
  const teamMottak = await db.team.create({
    data: { officeId: officeLillestrom.id, name: "Mottak", services: { connect: [{ id: sosialhjelp.id }] } },
  });
  const teamDrammen = await db.team.create({ data: { officeId: officeDrammen.id, name: "Sosialtjenesten" } });
  const teamSkedsmo = await db.team.create({ data: { officeId: officeClosed.id, name: "Gamle Skedsmo" } });

  const [kari, ola, nora] = await Promise.all([
    db.person.create({ data: { name: "Kari Testesen", email: "kari@nav.test", employer: "STATE", ssoSubject: "sub-leader" } }),
    db.person.create({ data: { name: "Ola Prøvesen", email: "ola@nav.test", employer: "MUNICIPAL" } }),
    db.person.create({ data: { name: "Nora Eksempel", email: "nora@nav.test", employer: "STATE" } }),
  ]);

  const kariLeader = await db.assignment.create({
    data: { personId: kari.id, roleId: leder.id, teamId: teamOppfolging.id, fte: "1.00", startDate: date("2020-01-01") },
  });
  const olaCurrent = await db.assignment.create({
    data: {
      personId: ola.id,
      roleId: veileder.id,
      teamId: teamUngdom.id,
      fte: "0.60",
      startDate: date("2021-03-01"),
      reportsToId: kari.id,
    },
  });
  const olaEnded = await db.assignment.create({
    data: {
      personId: ola.id,
      roleId: saksbehandler.id,
      teamId: teamMottak.id,
      fte: "0.40",
      startDate: date("2019-01-01"),
      endDate: date("2020-12-31"),
    },
  });
  const noraDrammen = await db.assignment.create({
    data: { personId: nora.id, roleId: saksbehandler.id, teamId: teamDrammen.id, fte: "0.50", startDate: date("2022-01-01") },
  });

  return {
    municipalities: { lillestrom, drammen, baerum, skedsmo },
    offices: { lillestrom: officeLillestrom, drammen: officeDrammen, baerum: officeBaerum, skedsmo: officeClosed, planned: officePlanned },
    services: { sosialhjelp, oppfolging, dagpenger },
    roles: { veileder, saksbehandler, leder },
    teams: { oppfolging: teamOppfolging, ungdom: teamUngdom, mottak: teamMottak, drammen: teamDrammen, skedsmo: teamSkedsmo },
    people: { kari, ola, nora },
    assignments: { kariLeader, olaCurrent, olaEnded, noraDrammen },
  };
}

export type Fixtures = Awaited<ReturnType<typeof createFixtures>>;
