import { redirect } from "@remix-run/react";

// "/" has no screen of its own: the offices list is the start page.
export function clientLoader() {
  return redirect("/kontorer");
}

export default function Index() {
  return null;
}
