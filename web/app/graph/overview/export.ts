// PNG and SVG of the whole overview, whatever the user has zoomed to (as the cytoscape
// view's exports, issue 14). The PNG is drawn by the same code as the screen, at a scale
// that fits PNG_MAX_SIDE; the SVG has every node, and every name, as vector shapes.
import { PNG_MAX_SIDE } from "../GraphCanvas";
import { COLOURS } from "../style";
import { drawScene, FONT_FAMILY } from "./draw";
import { personLook, type Scene } from "./scene";

/** The drawing's box in layout units: offices and the services around them. */
function extent(scene: Scene) {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const item of scene.byId.values()) {
    x1 = Math.min(x1, item.x - item.r);
    y1 = Math.min(y1, item.y - item.r);
    x2 = Math.max(x2, item.x + item.r);
    y2 = Math.max(y2, item.y + item.r);
  }
  const margin = 40;
  return { x: x1 - margin, y: y1 - margin, w: x2 - x1 + 2 * margin, h: y2 - y1 + 2 * margin };
}

export function exportPng(scene: Scene): Blob | null {
  const box = extent(scene);
  const scale = Math.min(2, PNG_MAX_SIDE / Math.max(box.w, box.h));
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(box.w * scale);
  canvas.height = Math.ceil(box.h * scale);
  const context = canvas.getContext("2d");
  if (!context) return null;
  drawScene(context, scene, { k: scale, x: -box.x * scale, y: -box.y * scale }, { width: canvas.width, height: canvas.height }, null);
  const url = canvas.toDataURL("image/png");
  const bytes = atob(url.slice(url.indexOf(",") + 1));
  const buffer = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buffer[i] = bytes.charCodeAt(i);
  return new Blob([buffer], { type: "image/png" });
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n = (value: number) => Math.round(value * 10) / 10;

export function exportSvg(scene: Scene): string {
  const box = extent(scene);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(box.w)}" height="${n(box.h)}" viewBox="${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(box.h)}" font-family='${FONT_FAMILY}'>`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" fill="#ffffff"/>`,
  ];
  const text = (lines: string[], x: number, y: number, size: number, weight: number) =>
    `<text x="${n(x)}" y="${n(y)}" font-size="${size}" font-weight="${weight}" text-anchor="middle" fill="#23262a">${lines
      .map((line, index) => `<tspan x="${n(x)}" dy="${index === 0 ? 0 : size * 1.2}">${escape(line)}</tspan>`)
      .join("")}</text>`;
  for (const group of scene.groups) {
    const office = group.office;
    const frame = office.node.isPilot || office.node.isSpearhead ? COLOURS.pilot : "#49515e";
    parts.push(`<circle cx="${n(office.x)}" cy="${n(office.y)}" r="${n(office.r)}" fill="${office.node.isCollapsed ? "#e6f0ff" : COLOURS.office}" stroke="${frame}" stroke-width="${office.node.isPilot ? 4 : 1}"/>`);
    for (const team of group.teams) parts.push(`<circle cx="${n(team.x)}" cy="${n(team.y)}" r="${n(team.r)}" fill="#ffffff" stroke="#9ba3ad"/>`);
    for (const person of group.people) {
      const look = personLook(person.node);
      parts.push(
        look.square
          ? `<rect x="${n(person.x - person.r)}" y="${n(person.y - person.r)}" width="${n(2 * person.r)}" height="${n(2 * person.r)}" fill="${look.fill}"/>`
          : `<circle cx="${n(person.x)}" cy="${n(person.y)}" r="${n(person.r)}" fill="${look.fill}"/>`,
      );
    }
  }
  for (const service of scene.services) parts.push(`<circle cx="${n(service.x)}" cy="${n(service.y)}" r="${n(service.r)}" fill="${COLOURS.service}"/>`);
  for (const group of scene.groups) {
    const office = group.office;
    const open = group.teams.length > 0;
    parts.push(text(office.label.split("\n"), office.x, open ? office.y - office.r + 16 : office.y, 14, 700));
    for (const team of group.teams) parts.push(text([team.label.split("\n")[0]!], team.x, team.y - team.r + 8, 7, 600));
    for (const person of group.people) parts.push(text([person.label.split("\n")[0]!], person.x, person.y + person.r + 4, 3, 400));
  }
  for (const service of scene.services) parts.push(text([service.label], service.x, service.y + service.r + 10, 10, 400));
  parts.push("</svg>");
  return parts.join("\n");
}
