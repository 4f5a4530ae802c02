import { createDb } from "@samla/schema";
import { summarize } from "./src/index";
const db = createDb("/tmp/seedcli/db");
console.log(await summarize(db));
await db.$disconnect();
