// SSO users and the link from a Person to one (hr, admin). The link decides an office
// leader's scope (docs/decisions/003), so it is audited like any other change.
import type { Prisma } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { containsText, equalsIgnoringCase } from "../lib/text-match";
import { lockRow, withAudit } from "../lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zText } from "../lib/validation";
import { PersonRef } from "../people/persons";

const HR = scopes("person.assign");

export const SsoUserRef = builder.prismaObject("SsoUser", {
  description:
    "A user of the SSO server (Keycloak) that Samla has seen sign in, or that the seed knew of. HR links people to them.",
  fields: (t) => ({
    subject: t.exposeString("subject", { description: "The token's `sub` (Keycloak user id)." }),
    username: t.exposeString("username"),
    email: t.exposeString("email", { nullable: true }),
    name: t.exposeString("name"),
    lastSeenAt: t.expose("lastSeenAt", {
      type: "DateTime",
      nullable: true,
      description: "Last signed-in request (to within a few minutes); null if never seen here.",
    }),
    person: t.prismaField({
      type: "Person",
      nullable: true,
      description: "The person linked to this user, if any.",
      resolve: (query, user, _args, context) => context.db.person.findUnique({ ...query, where: { ssoSubject: user.subject } }),
    }),
  }),
});

builder.objectField(PersonRef, "ssoUser", (t) =>
  t.prismaField({
    type: "SsoUser",
    nullable: true,
    description:
      "HR or admin (others get FORBIDDEN). The SSO user linked to this person (null when not linked, or when that " +
      "user is unknown here).",
    authScopes: scopes("person.readSsoUser"),
    resolve: (query, person, _args, context) =>
      person.ssoSubject ? context.db.ssoUser.findUnique({ ...query, where: { subject: person.ssoSubject } }) : null,
  }),
);

function ssoUsersWhere(text: string | null | undefined): Prisma.SsoUserWhereInput {
  const search = text?.trim();
  if (!search) return {};
  return {
    OR: [
      { username: containsText(search) },
      { email: containsText(search) },
      { name: containsText(search) },
    ],
  };
}

builder.queryField("ssoUsers", (t) =>
  t.prismaConnection(
    {
      type: "SsoUser",
      cursor: "subject",
      description: "HR or admin. SSO users by username, e-mail or name (part of it), to link a person to.",
      authScopes: scopes("person.readSsoUser"),
      args: { text: t.arg.string({ required: false }) },
      totalCount: (_parent, args, context) => context.db.ssoUser.count({ where: ssoUsersWhere(args.text) }),
      resolve: (query, _parent, args, context) =>
        context.db.ssoUser.findMany({ ...query, where: ssoUsersWhere(args.text), orderBy: [{ username: "asc" }] }),
    },
    { name: "SsoUserConnection" },
    { name: "SsoUserEdge" },
  ),
);

const LinkPersonToSsoUserInput = builder.inputType("LinkPersonToSsoUserInput", {
  fields: (t) => ({
    personId: t.id({ required: true }),
    usernameOrEmail: t.string({ required: true, description: "The SSO user's username or e-mail address (any case)." }),
  }),
});

const UnlinkPersonFromSsoUserInput = builder.inputType("UnlinkPersonFromSsoUserInput", {
  fields: (t) => ({ personId: t.id({ required: true }) }),
});

const linkSchema = z.object({ personId: zGlobalId("Person"), usernameOrEmail: zText(320) });
const unlinkSchema = z.object({ personId: zGlobalId("Person") });

builder.mutationField("linkPersonToSsoUser", (t) =>
  t.field({
    type: PersonRef,
    description:
      "HR or admin. Links the person to an SSO user (found by username or e-mail), replacing an earlier link. " +
      "Refused (ConflictError) when that user is linked to another person.",
    authScopes: HR,
    args: { input: t.arg({ type: LinkPersonToSsoUserInput, required: true }) },
    errors: mutationResult("linkPersonToSsoUser", "person", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(linkSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Person", input.personId))) throw new NotFoundError("Person", args.input.personId);
        const wanted = input.usernameOrEmail;
        const users = await tx.ssoUser.findMany({
          where: {
            OR: [
              { username: equalsIgnoringCase(wanted) },
              { email: equalsIgnoringCase(wanted) },
            ],
          },
          take: 3,
        });
        // A username match wins over e-mail matches; several e-mail matches are ambiguous.
        const user = users.find((u) => u.username.toLowerCase() === wanted.toLowerCase()) ?? (users.length === 1 ? users[0] : undefined);
        if (!user && users.length > 1) {
          throw ValidationError.field("usernameOrEmail", `Flere SSO-brukere har e-postadressen ${wanted}; bruk brukernavnet.`);
        }
        if (!user) {
          throw new NotFoundError("SsoUser", wanted, `Fant ingen SSO-bruker med brukernavn eller e-post «${wanted}».`);
        }
        const holder = await tx.person.findUnique({ where: { ssoSubject: user.subject }, select: { id: true, name: true } });
        if (holder && holder.id !== input.personId) {
          throw new ConflictError(`SSO-brukeren ${user.username} er allerede koblet til ${holder.name}.`);
        }
        const before = await tx.person.findUniqueOrThrow({ where: { id: input.personId } });
        const after = await tx.person.update({ where: { id: input.personId }, data: { ssoSubject: user.subject } });
        return {
          result: after,
          audit: {
            action: "linkPersonToSsoUser",
            entityType: "Person",
            entityId: after.id,
            before: { ssoSubject: before.ssoSubject },
            after: { ssoSubject: after.ssoSubject, username: user.username },
          },
        };
      });
    },
  }),
);

builder.mutationField("unlinkPersonFromSsoUser", (t) =>
  t.field({
    type: PersonRef,
    description: "HR or admin. Removes the person's link to an SSO user: any office-leader access from it ends at once.",
    authScopes: HR,
    args: { input: t.arg({ type: UnlinkPersonFromSsoUserInput, required: true }) },
    errors: mutationResult("unlinkPersonFromSsoUser", "person", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(unlinkSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Person", input.personId))) throw new NotFoundError("Person", args.input.personId);
        const before = await tx.person.findUniqueOrThrow({ where: { id: input.personId } });
        if (!before.ssoSubject) throw ValidationError.field("personId", `${before.name} er ikke koblet til noen SSO-bruker.`);
        const after = await tx.person.update({ where: { id: input.personId }, data: { ssoSubject: null } });
        return {
          result: after,
          audit: {
            action: "unlinkPersonFromSsoUser",
            entityType: "Person",
            entityId: after.id,
            before: { ssoSubject: before.ssoSubject },
            after: { ssoSubject: null },
          },
        };
      });
    },
  }),
);
