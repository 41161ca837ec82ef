import { afterEach, describe, expect, it } from "vitest";
import { createGraphModel, type GraphSimulator, startGraphSimulator } from "../src/index";
import { getToken, type Page } from "./fixtures/index";

const SELECT = "id,displayName,givenName,surname,mail,userPrincipalName,accountEnabled,employeeId";

/**
 * Pages through `/users` (or, with `delta`, the initial round of `/users/delta` with `Prefer:
 * odata.maxpagesize`) over HTTP; returns each page's body text and whether it had a Content-Length.
 */
async function pageThrough(
  sim: GraphSimulator,
  top: number,
  between?: (page: number) => void,
  delta = false,
) {
  const token = await getToken(sim);
  const pages: { text: string; sized: boolean }[] = [];
  let url: string | undefined = delta
    ? `${sim.graphBaseUrl}/v1.0/users/delta?$select=${SELECT}`
    : `${sim.graphBaseUrl}/v1.0/users?$select=${SELECT}&$top=${top}`;
  const prefer = delta ? { prefer: `odata.maxpagesize=${top}` } : {};
  while (url) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...prefer } });
    const text = await response.text();
    pages.push({ text: text.replaceAll(sim.url, "ORIGIN"), sized: response.headers.has("content-length") });
    url = (JSON.parse(text) as Page)["@odata.nextLink"];
    // the next page is rendered on the next turn of the event loop: give it that turn
    await new Promise((resolve) => setImmediate(resolve));
    between?.(pages.length);
  }
  return pages;
}

describe("users pages rendered ahead", () => {
  const running: GraphSimulator[] = [];
  const start = async (...args: Parameters<typeof startGraphSimulator>) => {
    const sim = await startGraphSimulator(...args);
    running.push(sim);
    return sim;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()));
  });

  it("serves every page after the first ready-made, byte for byte what rendering on request gives", async () => {
    const ahead = await start({ modelOptions: { users: 2500, seed: 8 } });
    const onRequest = await start({ modelOptions: { users: 2500, seed: 8 }, renderAhead: false });
    const [withAhead, without] = [await pageThrough(ahead, 300), await pageThrough(onRequest, 300)];
    expect(withAhead).toHaveLength(9);
    expect(withAhead.map((p) => p.text)).toEqual(without.map((p) => p.text));
    // the first page is streamed as it is written; the others were ready and go out with their length
    expect(withAhead.map((p) => p.sized)).toEqual([false, true, true, true, true, true, true, true, true]);
    expect(without.every((p) => !p.sized)).toBe(true);
  });

  it("renders a page afresh when the model changed after it was rendered ahead", async () => {
    const model = createGraphModel({ users: 900, seed: 3 });
    const sim = await start({ model });
    const renamed = model.userEntry(350).user.id;
    const deleted = model.userEntry(360).user.id;
    const pages = await pageThrough(sim, 300, (page) => {
      if (page !== 1) return;
      model.updateUser(renamed, { displayName: "Renamed After Page One" });
      model.softDeleteUser(deleted);
    });
    const second = JSON.parse(pages[1]?.text ?? "{}") as Page<{ id: string; displayName: string }>;
    expect(second.value.find((u) => u.id === renamed)?.displayName).toBe("Renamed After Page One");
    expect(second.value.map((u) => u.id)).not.toContain(deleted);
    expect(second.value).toHaveLength(300);
    expect(pages[1]?.sized).toBe(false);
  });

  it("leaves pages with changed users to be rendered on request", async () => {
    const model = createGraphModel({ users: 900, seed: 3 });
    model.updateUser(model.userEntry(700).user.id, { jobTitle: "Changed" });
    const pages = await pageThrough(await start({ model }), 300);
    expect(pages.map((p) => p.sized)).toEqual([false, true, false]);
    expect(pages[2]?.text).toContain('"displayName"');
  });

  it("renders the initial round of /users/delta ahead too, with the same bytes and a fresh deltaLink", async () => {
    const clock = () => new Date("2026-12-01T08:00:00Z");
    const ahead = await start({ modelOptions: { users: 2000, seed: 8, clock } });
    const onRequest = await start({ modelOptions: { users: 2000, seed: 8, clock }, renderAhead: false });
    const [withAhead, without] = [
      await pageThrough(ahead, 450, undefined, true),
      await pageThrough(onRequest, 450, undefined, true),
    ];
    expect(withAhead).toHaveLength(5);
    expect(withAhead.map((p) => p.text)).toEqual(without.map((p) => p.text));
    expect(withAhead.map((p) => p.sized)).toEqual([false, true, true, true, true]);
    const last = JSON.parse(withAhead[4]?.text ?? "{}") as Page;
    expect(last["@odata.deltaLink"]).toContain("$deltatoken=");
    expect(last.value).toHaveLength(200);
  });

  it("puts a change made during the initial delta round on the round's later pages", async () => {
    const model = createGraphModel({ users: 900, seed: 3 });
    const sim = await start({ model });
    const renamed = model.userEntry(700).user.id;
    const pages = await pageThrough(
      sim,
      300,
      (page) => {
        if (page === 1) model.updateUser(renamed, { displayName: "Renamed During The Round" });
      },
      true,
    );
    const third = JSON.parse(pages[2]?.text ?? "{}") as Page<{ id: string; displayName: string }>;
    expect(third.value.find((u) => u.id === renamed)?.displayName).toBe("Renamed During The Round");
    expect(pages[2]?.sized).toBe(false);
  });
});
