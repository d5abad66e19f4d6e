// A server component. Reading the request headers renders the page per request, which the
// nonce of middleware.ts needs (a page built ahead of time would carry a stale nonce).
import { headers } from "next/headers";
import { MessengerCheck } from "./MessengerCheck";

export default async function Page() {
  await headers();
  return (
    <main>
      <h1>Messenger-Check in Next.js</h1>
      <MessengerCheck />
    </main>
  );
}
