// The Content-Security-Policy, with a fresh nonce for every request. Next.js puts inline
// scripts of its own into every page (the bootstrap and the data of the React Server
// Components), so the strict policy of the README (script-src 'self' 'wasm-unsafe-eval')
// would block Next.js itself. With a nonce it holds: Next.js reads the nonce from this
// request header and puts it on each of its scripts; 'strict-dynamic' lets those scripts load
// the chunks they import; 'wasm-unsafe-eval' lets the widget compile its WebAssembly.
// Pages under a nonce are rendered per request (app/page.tsx reads the headers).
import { NextResponse, type NextRequest } from "next/server";

export function middleware(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only; Next's static files and prefetches need no policy of their own.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
