import { redirect } from "@remix-run/react";

// /admin is the main menu's one entry for the admin screens (so it is marked as current on
// each of them); it opens the first one.
export const clientLoader = () => redirect("/admin/praksiser");

export default function AdminIndex() {
  return null;
}
