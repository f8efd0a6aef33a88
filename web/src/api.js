// The JSON API, and nothing else: every view reads the graph through these calls,
// so the browser view works the same on the embedded store and on Neo4j.

const base = new URL(".", window.location.href);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function get(path, params) {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  let res;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new ApiError(0, `The API does not answer (${err.message}).`);
  }
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = await res.json();
      if (body && body.error && body.error.message) message = body.error.message;
    } catch (_) { /* not JSON */ }
    throw new ApiError(res.status, message);
  }
  return res.json();
}

/** POST JSON; ``headers`` add to the request's (the API key, the reviewer). */
export async function post(path, body, headers = {}) {
  let res;
  try {
    res = await fetch(new URL(path, base), {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, `The API does not answer (${err.message}).`);
  }
  const answer = await res.json().catch(() => null);
  if (!res.ok) {
    const error = answer && answer.error;
    const failure = new ApiError(res.status, error && error.message ? error.message : `${res.status} ${res.statusText}`);
    failure.code = error ? error.code : null;
    throw failure;
  }
  return answer;
}

const enc = encodeURIComponent;
const PAGE = 500;

/** Every item of a paged endpoint (follows next_offset; stops at ``max`` items). */
export async function all(path, params, max = 5000) {
  const items = [];
  let offset = 0;
  while (offset !== null && items.length < max) {
    const page = await get(path, { ...params, limit: PAGE, offset });
    items.push(...page.items);
    offset = page.next_offset;
  }
  return items;
}

export const api = {
  stats: () => get("stats"),
  exportCytoscape: (nodeIds, depth) =>
    get("export", { format: "cytoscape", node: nodeIds, depth }),
  node: (id) => get(`nodes/${enc(id)}`),
  neighbourhood: (id, depth = 1, maxNodes = 200) =>
    get(`nodes/${enc(id)}/neighbourhood`, { depth, max_nodes: maxNodes }),
  search: (q, limit = 20) => get("search", { q, limit }),
  article: (id) => get(`articles/${enc(id)}`),
  provenance: (claimId) => get(`claims/${enc(claimId)}/provenance`, { limit: PAGE }),
  deniedClaims: (params) => all("claims/denied", params),
  reviewQueue: (params) => get("review/queue", { limit: 100, ...params }),
  history: (edgeId) => get(`edges/${enc(edgeId)}/history`),
  review: (edgeId, body, headers) => post(`edges/${enc(edgeId)}/review`, body, headers),
  claimSearch: (q) => get("search", { q, label: "Claim", limit: 10 }),
  contestedEvents: (params) => all("events/contested", params),
  topContested: async (n) => (await get("events/contested", { limit: n })).items,
  /** The whole comparison: claims are paged by the API, so fetch and join every page. */
  async comparison(eventId) {
    const first = await get(`events/${enc(eventId)}/comparison`, { limit: PAGE, offset: 0 });
    let offset = first.claims.length;
    while (offset < first.total_claims) {
      const next = await get(`events/${enc(eventId)}/comparison`, { limit: PAGE, offset });
      if (!next.claims.length) break;
      first.claims.push(...next.claims);
      first.cells.push(...next.cells);
      offset += next.claims.length;
    }
    return first;
  },
};
