// A small static file server for the repository: the page in www/ imports
// ../pkg/, so the repository root is served. `.wasm` goes out as
// application/wasm (needed for streaming compilation) and `.js`/`.mjs` as
// JavaScript (browsers refuse ES modules of other types).
//
// CLI: node tests/tools/serve.mjs [PORT]   (default 8080, or $PORT)
// Tests: import { startServer } from "../tools/serve.mjs";
//        const { url, close } = await startServer({ port: 0 });
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  // Never serve outside the root (../ in the URL).
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      const index = join(path, "index.html");
      return (await stat(index)).isFile() ? index : null;
    }
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Starts serving `root`; resolves to { url, port, close }. Port 0 picks a free one. */
export function startServer({ root = REPO_ROOT, port = 8080, host = "127.0.0.1" } = {}) {
  const server = createServer(async (request, response) => {
    const urlPath = request.url ?? "/";
    if (urlPath === "/" || urlPath === "") {
      response.writeHead(302, { Location: "/www/" });
      response.end();
      return;
    }
    const file = await resolveFile(root, urlPath);
    if (!file) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("Not found\n");
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      // Always the files on disk: a rebuilt pkg/ must not be hidden by a cache.
      "Cache-Control": "no-store",
    });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        url: `http://localhost:${actual}`,
        port: actual,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const { url } = await startServer({ port, host: "0.0.0.0" });
  console.log(`Serving ${REPO_ROOT} at ${url}/ (the page: ${url}/www/). Ctrl+C to stop.`);
}
