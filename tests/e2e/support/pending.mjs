// Journeys written ahead of their pages: a test names the routes it needs, and until every one
// of them exists on the server (answers anything but 404) it is reported as TODO with the list
// of missing routes, instead of failing. Once they all exist it runs as an ordinary test.
export async function missingRoutes(baseUrl, paths) {
  const missing = [];
  for (const path of paths) {
    const res = await fetch(new URL(path, baseUrl), { redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status === 404) missing.push(path);
  }
  return missing;
}

// In a test: `if (await waitingFor(t, server, ['/create-account'])) return;`
export async function waitingFor(t, server, paths) {
  const missing = await missingRoutes(server.url, paths);
  if (missing.length === 0) return false;
  t.todo(`waiting for the portal pages ${missing.join(', ')}`);
  return true;
}
