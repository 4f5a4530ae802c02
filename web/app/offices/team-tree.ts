// Builds the nested team tree from the flat list the API returns (each team names its
// parent).

export interface TeamLike {
  id: string;
  name: string;
  parent?: { id: string } | null;
}

export interface TeamNode<T extends TeamLike> {
  team: T;
  children: TeamNode<T>[];
}

const byName = (a: { team: TeamLike }, b: { team: TeamLike }) => a.team.name.localeCompare(b.team.name, "nb");

/**
 * Roots are teams without a parent, or whose parent is not in the list (e.g. a parent in
 * another office), so no team is ever lost. Siblings are sorted by name.
 */
export function buildTeamTree<T extends TeamLike>(teams: readonly T[]): TeamNode<T>[] {
  const nodes = new Map<string, TeamNode<T>>(teams.map((team) => [team.id, { team, children: [] }]));
  const roots: TeamNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = node.team.parent?.id;
    const parent = parentId && parentId !== node.team.id ? nodes.get(parentId) : undefined;
    if (parent && !isAncestor(node, parent)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TeamNode<T>[]) => {
    list.sort(byName);
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** Guards against a cycle in bad data: true when `candidate` is `node` or below it. */
function isAncestor<T extends TeamLike>(node: TeamNode<T>, candidate: TeamNode<T>): boolean {
  if (node === candidate) return true;
  return node.children.some((child) => isAncestor(child, candidate));
}
