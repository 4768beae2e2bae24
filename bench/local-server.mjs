// The captures served by a real HTTPS server on this machine, for benches where the page's own
// timing is the figure: answering each sub-resource through Playwright's request interception (a
// round trip through Node over the DevTools protocol, per request) spread the page alone's
// DOMContentLoaded by ±100 ms between loads of the same capture. The browser resolves every host
// to 127.0.0.1 and accepts the server's throwaway certificate; what it answers is exactly what
// the interception answers (offlineResponse). Ports 443 and 80 need root.
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { extraPages, offlineResponse } from '../scripts/offline-pages.mjs';
import { selfSignedCertificate } from '../scripts/self-signed.mjs';

export const canServeLocally = () => process.getuid?.() === 0;

/** Chromium's flags to reach the local server at every address. */
export const LOCAL_SERVER_ARGS = [
  '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
  '--ignore-certificate-errors',
];

export async function startLocalServer(extra = {}) {
  const extras = extraPages(extra);
  const answer = (scheme) => (req, res) => {
    const url = `${scheme}://${req.headers.host}${req.url}`;
    const r = offlineResponse(url, req.headers['sec-fetch-dest'] === 'document', extras);
    res.writeHead(r.status, r.contentType ? { 'content-type': r.contentType } : {});
    res.end(r.body);
  };
  const https = createHttps(selfSignedCertificate('papershelf-bench'), answer('https'));
  const http = createHttp(answer('http'));
  await Promise.all([
    new Promise((resolve) => https.listen(443, '127.0.0.1', () => resolve(undefined))),
    new Promise((resolve) => http.listen(80, '127.0.0.1', () => resolve(undefined))),
  ]);
  return {
    async close() {
      https.closeAllConnections();
      http.closeAllConnections();
      await Promise.all([new Promise((r) => https.close(r)), new Promise((r) => http.close(r))]);
    },
  };
}
