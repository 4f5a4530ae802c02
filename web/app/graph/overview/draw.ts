// Draws the overview scene on a 2D canvas. Measured on the benchmark (docs/decisions/009),
// this beats WebGL renderers on machines without a GPU by an order of magnitude: only what
// is in the viewport is drawn, shapes of one colour go in one path, and the level of
// detail (level-of-detail.ts) leaves out what would be too small to see.
import { COLOURS } from "../style";
import {
  EDGE_MIN_PX,
  LABEL_BUDGET,
  LabelGrid,
  levelOfDetail,
  OFFICE_COUNTS_MIN_PX,
  OFFICE_LABEL_MIN_PX,
  TEAM_LABEL_MIN_PX,
} from "./level-of-detail";
import { personLook, type Scene, type SceneNode } from "./scene";

/** Screen px per layout unit (k) and the offset of the layout's origin (x, y): d3-zoom's transform. */
export interface Camera {
  k: number;
  x: number;
  y: number;
}

export interface DrawStats {
  offices: number;
  teams: number;
  people: number;
  labels: number;
  edges: number;
  badges: number;
  /** Every label drawn (its node and first line), for tests: what a user can read now. */
  labelled: { id: string; text: string }[];
}

export const FONT_FAMILY = '"Source Sans 3 Variable", "Source Sans 3", Arial, sans-serif';
const SELECTED = "#ffbb00";
const TEXT = "#23262a";

export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  camera: Camera,
  viewport: { width: number; height: number },
  selectedId: string | null,
): DrawStats {
  const stats: DrawStats = { offices: 0, teams: 0, people: 0, labels: 0, edges: 0, badges: 0, labelled: [] };
  const { k } = camera;
  const sx = (x: number) => x * k + camera.x;
  const sy = (y: number) => y * k + camera.y;
  // The viewport in layout units, with a margin for labels that hang outside their circle.
  const margin = 60 / k;
  const [x0, y0] = [-camera.x / k - margin, -camera.y / k - margin];
  const [x1, y1] = [(viewport.width - camera.x) / k + margin, (viewport.height - camera.y) / k + margin];
  const visible = (c: { x: number; y: number; r: number }) => c.x + c.r >= x0 && c.x - c.r <= x1 && c.y + c.r >= y0 && c.y - c.r <= y1;
  const lod = levelOfDetail(k, scene.personRadius);

  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, viewport.width, viewport.height);
  const groups = scene.groups.filter((group) => visible(group.office));

  // Offices, then teams: light fills with a frame, one path per look (a fill or stroke call
  // per circle cost more than the drawing itself on a CPU-rendered canvas).
  const offices = new Map<string, { look: CircleLook; items: SceneNode[] }>();
  for (const group of groups) {
    const office = group.office;
    if (office.r * k < 0.5) continue;
    stats.offices += 1;
    const look = officeLook(office);
    batch(offices, look, office);
  }
  const teams = new Map<string, { look: CircleLook; items: SceneNode[] }>();
  for (const group of groups) {
    for (const team of group.teams) {
      if (team.r * k < 1 || !visible(team)) continue;
      stats.teams += 1;
      const fill = team.node.vacant ? "#f7f7f7" : team.node.isCollapsed || lod.teamBadges ? "#eef6fc" : COLOURS.team;
      batch(teams, { fill, stroke: "#9ba3ad", width: 1, dash: team.node.vacant, alpha: 1 }, team);
    }
  }
  for (const layer of [offices, teams]) {
    for (const { look, items } of layer.values()) {
      ctx.beginPath();
      for (const item of items) {
        const [x, y, r] = [sx(item.x), sy(item.y), item.r * k];
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = look.alpha;
      ctx.fillStyle = look.fill;
      ctx.fill();
      ctx.lineWidth = look.width;
      ctx.strokeStyle = look.stroke;
      ctx.setLineDash(look.dash ? [6, 4] : []);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);

  // Reporting lines under the people, only where they are long enough to see.
  if (lod.peopleAsDots && scene.reportsTo.length > 0) {
    ctx.beginPath();
    for (const edge of scene.reportsTo) {
      const a = scene.byId.get(edge.source)!;
      const b = scene.byId.get(edge.target)!;
      if (Math.hypot(a.x - b.x, a.y - b.y) * k < EDGE_MIN_PX || (!visible(a) && !visible(b))) continue;
      ctx.moveTo(sx(a.x), sy(a.y));
      ctx.lineTo(sx(b.x), sy(b.y));
      stats.edges += 1;
    }
    ctx.strokeStyle = COLOURS.edge;
    ctx.lineWidth = 1;
    ctx.stroke();
  }

  // People: one path per look. Tiny dots are squares (cheaper, and the same at 1-2 px).
  if (lod.peopleAsDots) {
    const batches = new Map<string, { square: boolean; items: SceneNode[] }>();
    const rings: SceneNode[] = [];
    for (const group of groups) {
      for (const person of group.people) {
        if (!visible(person)) continue;
        const look = personLook(person.node);
        const key = `${look.fill}:${look.square}`;
        const batch = batches.get(key) ?? { square: look.square, items: [] };
        batch.items.push(person);
        batches.set(key, batch);
        if (person.node.isLeader || person.node.overAllocated) rings.push(person);
        stats.people += 1;
      }
    }
    for (const [key, batch] of batches) {
      ctx.beginPath();
      for (const person of batch.items) {
        const r = Math.max(person.r * k, 0.8);
        const [x, y] = [sx(person.x), sy(person.y)];
        if (batch.square || r < 2.5) ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, 2 * Math.PI);
        }
      }
      ctx.fillStyle = key.split(":")[0]!;
      ctx.fill();
      // Municipal employees: squares with a dashed dark border, as in the legend, once big enough to see it.
      if (batch.square && scene.personRadius * k >= 3) {
        ctx.setLineDash([3, 2]);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = "#023d1a";
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    if (scene.personRadius * k >= 2.5) {
      for (const person of rings) {
        const r = person.r * k;
        ctx.beginPath();
        ctx.arc(sx(person.x), sy(person.y), r + 1.5, 0, 2 * Math.PI);
        ctx.lineWidth = person.node.overAllocated ? 3 : Math.max(1.5, r / 4);
        ctx.strokeStyle = person.node.overAllocated ? COLOURS.overAllocated : COLOURS.leader;
        ctx.stroke();
      }
    }
  }

  // Services and the lines to the teams that deliver the selected service (or the selected
  // team's services): all of them at once would be a hairball across the country.
  const selected = selectedId ? scene.byId.get(selectedId) : undefined;
  if (selected && (selected.node.type === "SERVICE" || selected.node.type === "TEAM")) {
    ctx.beginPath();
    for (const edge of scene.delivers) {
      if (edge.source !== selectedId && edge.target !== selectedId) continue;
      const a = scene.byId.get(edge.source)!;
      const b = scene.byId.get(edge.target)!;
      ctx.moveTo(sx(a.x), sy(a.y));
      ctx.lineTo(sx(b.x), sy(b.y));
      stats.edges += 1;
    }
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = COLOURS.service;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.beginPath();
  for (const service of scene.services) {
    if (!visible(service)) continue;
    hexagon(ctx, sx(service.x), sy(service.y), Math.max(service.r * k, 3));
  }
  ctx.fillStyle = COLOURS.service;
  ctx.fill();

  // Mergers: arrows between offices (packed next to each other, so the arrows are short).
  for (const edge of scene.mergesInto) {
    const a = scene.byId.get(edge.source)!;
    const b = scene.byId.get(edge.target)!;
    arrow(ctx, sx(a.x), sy(a.y), sx(b.x), sy(b.y), b.r * k);
    stats.edges += 1;
  }

  if (selected) {
    ctx.beginPath();
    ctx.arc(sx(selected.x), sy(selected.y), Math.max(selected.r * k, 3) + 4, 0, 2 * Math.PI);
    ctx.lineWidth = 4;
    ctx.strokeStyle = SELECTED;
    ctx.stroke();
  }

  // Labels, most important first, none on top of another.
  const grid = new LabelGrid();
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const label = (id: string, lines: string[], x: number, y: number, size: number, weight: number) => {
    if (stats.labels >= LABEL_BUDGET) return false;
    ctx.font = `${weight} ${size}px ${FONT_FAMILY}`;
    const width = Math.max(...lines.map((line) => textWidth(ctx, line, size, weight)));
    const height = lines.length * size * 1.2;
    if (x + width / 2 < 0 || x - width / 2 > viewport.width || y + height < 0 || y > viewport.height) return false;
    if (!grid.claim(x - width / 2, y, width, height)) return false;
    // A light box keeps names readable over lines and circles (cheaper than a text halo).
    ctx.fillStyle = "rgba(255,255,255,0.8)";
    ctx.fillRect(x - width / 2 - 2, y, width + 4, height);
    ctx.fillStyle = TEXT;
    lines.forEach((line, index) => ctx.fillText(line, x, y + size * 0.6 + index * size * 1.2));
    stats.labels += 1;
    stats.labelled.push({ id, text: lines[0]! });
    return true;
  };
  // Bigger offices are named first: they win where names would collide.
  for (const group of [...groups].sort((a, b) => b.office.r - a.office.r)) {
    const office = group.office;
    const r = office.r * k;
    if (r < OFFICE_LABEL_MIN_PX) continue;
    const lines = office.label.split("\n");
    const showCounts = r >= OFFICE_COUNTS_MIN_PX || office.node.type !== "OFFICE";
    const expandedInside = group.teams.length > 0 || group.people.length > 1;
    // Folded offices are labelled in their middle; open ones at the top, clear of their teams.
    const y = expandedInside ? sy(office.y - office.r) + 4 : sy(office.y) - (showCounts ? 14 : 7);
    const size = expandedInside ? 14 : 13;
    // A small circle, or a full name that would cover a neighbour's: the short name
    // ("Lillestrøm"), sized to fit inside the circle (9 px at the least).
    // Names stay within their own circle (circles never overlap, so neither do names).
    const fits = expandedInside || textWidth(ctx, lines[0]!, size, 700) <= 2.1 * r;
    const full = r >= OFFICE_COUNTS_MIN_PX && fits && label(office.id, showCounts ? lines : lines.slice(0, 1), sx(office.x), y, size, 700);
    if (!full && office.node.type === "OFFICE") {
      const short = shortOfficeName(lines[0]!);
      const fitted = Math.min(13, Math.max(9, (12 * 1.9 * r) / Math.max(textWidth(ctx, short, 12, 700), 1)));
      label(office.id, [short], sx(office.x), sy(office.y) - fitted * 0.6, Math.round(fitted), 700);
    }
  }
  for (const group of groups) {
    for (const team of group.teams) {
      const r = team.r * k;
      if (r < TEAM_LABEL_MIN_PX || !visible(team)) continue;
      const name = team.label.split("\n")[0]!;
      if (lod.teamBadges || team.node.isCollapsed) {
        if (label(team.id, [name, team.badge ?? ""], sx(team.x), sy(team.y) - 12, 12, 600)) stats.badges += 1;
      } else label(team.id, [name], sx(team.x), sy(team.y - team.r) + 2, 12, 600);
    }
  }
  for (const service of scene.services) {
    if (visible(service)) label(service.id, [service.label], sx(service.x), sy(service.y) + Math.max(service.r * k, 3) + 2, 11, 400);
  }
  if (lod.personLabels) {
    const people = groups.flatMap((group) => group.people.filter(visible));
    // Leaders first, so a team's leader is named before its members.
    people.sort((a, b) => Number(b.node.isLeader) - Number(a.node.isLeader));
    for (const person of people) {
      const lines = person.label.split("\n");
      label(person.id, scene.personRadius * k >= 12 ? lines : lines.slice(0, 1), sx(person.x), sy(person.y) + person.r * k + 1, 11, 400);
    }
  }
  return stats;
}

function hexagon(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  for (let i = 0; i < 6; i++) {
    const angle = (Math.PI / 3) * i;
    const [px, py] = [x + r * Math.cos(angle), y + r * Math.sin(angle)];
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

function arrow(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number, targetRadius: number) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const [ex, ey] = [x2 - Math.cos(angle) * targetRadius, y2 - Math.sin(angle) * targetRadius];
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(ex, ey);
  ctx.strokeStyle = COLOURS.merges;
  ctx.lineWidth = 3;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex - 12 * Math.cos(angle - 0.4), ey - 12 * Math.sin(angle - 0.4));
  ctx.lineTo(ex - 12 * Math.cos(angle + 0.4), ey - 12 * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fillStyle = COLOURS.merges;
  ctx.fill();
}

interface CircleLook {
  fill: string;
  stroke: string;
  width: number;
  dash: boolean;
  alpha: number;
}

function officeLook(item: SceneNode): CircleLook {
  const node = item.node;
  return {
    fill: node.type === "TEAM" ? "#eef6fc" : node.isCollapsed ? "#e6f0ff" : COLOURS.office,
    stroke: node.isPilot || node.isSpearhead ? COLOURS.pilot : "#49515e",
    width: node.isSpearhead ? 6 : node.isPilot ? 4 : 1,
    dash: node.status === "PLANNED",
    alpha: node.status === "MERGED" || node.status === "CLOSED" ? 0.6 : 1,
  };
}

function batch(batches: Map<string, { look: CircleLook; items: SceneNode[] }>, look: CircleLook, item: SceneNode) {
  const key = `${look.fill}|${look.stroke}|${look.width}|${look.dash}|${look.alpha}`;
  const entry = batches.get(key);
  if (entry) entry.items.push(item);
  else batches.set(key, { look, items: [item] });
}

/** Text widths are measured once per text and font: measuring is slow on a CPU canvas. */
const widths = new Map<string, number>();
function textWidth(ctx: CanvasRenderingContext2D, text: string, size: number, weight: number): number {
  const key = `${weight}:${size}:${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size > 50_000) widths.clear();
    width = ctx.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}

/** "★ Nav Lillestrøm (0230)" → "★ Lillestrøm": the part that tells offices apart. */
export function shortOfficeName(label: string): string {
  return label.replace(/^(★ )?Nav /, "$1").replace(/ \(\d+\)$/, "");
}
