// Who is signed in, as the token says, and the Person it is linked to.
import { builder } from "../builder";
import { ledOfficeIds } from "../lib/leadership";
import { SAMLA_ROLES, type SamlaRole, type Viewer } from "../auth/viewer";

export const SamlaRoleEnum = builder.enumType("SamlaRole", {
  description: "Samla's Keycloak realm roles.",
  values: Object.fromEntries(
    SAMLA_ROLES.map((role) => [role.toUpperCase().replace(/-/g, "_"), { value: role }]),
  ) as Record<string, { value: SamlaRole }>,
});

const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "The signed-in user, from the access token.",
  fields: (t) => ({
    subject: t.exposeString("subject", { description: "The token's `sub` (Keycloak user id)." }),
    username: t.exposeString("username"),
    name: t.exposeString("name"),
    email: t.exposeString("email", { nullable: true }),
    roles: t.field({ type: [SamlaRoleEnum], resolve: (viewer) => viewer.roles }),
    person: t.prismaField({
      type: "Person",
      nullable: true,
      description: "The Person whose ssoSubject is this user's subject, once HR has linked them.",
      resolve: (query, viewer, _args, context) =>
        context.db.person.findUnique({ ...query, where: { ssoSubject: viewer.subject } }),
    }),
    ledOffices: t.prismaField({
      type: ["Office"],
      description:
        "Offices this user leads today: where their linked Person holds an assignment in a LEADER role " +
        "(start ≤ today ≤ end, today in Norway). Empty without the office-leader role. Computed on every " +
        "request, so HR assigning or ending the role changes it at once.",
      resolve: async (query, viewer, _args, context) => {
        if (!viewer.roles.includes("office-leader")) return [];
        const ids = [...(await ledOfficeIds(context))];
        return context.db.office.findMany({ ...query, where: { id: { in: ids } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
      },
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: ViewerRef,
    description: "Any signed-in user may read this, also without a Samla role (so the UI can say so).",
    skipTypeScopes: true,
    authScopes: { authenticated: true },
    resolve: (_parent, _args, context) => context.viewer!,
  }),
);
