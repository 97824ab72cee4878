import { readFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

const PUBLIC = path.join(process.cwd(), "public");

/** robots.txt for one user agent: the longest matching rule wins, Allow on a tie. */
function allowed(robots: string, urlPath: string): boolean {
  let best: { length: number; allow: boolean } | null = null;
  for (const line of robots.split("\n")) {
    const rule = /^(Allow|Disallow):\s*(\S*)/i.exec(line.trim());
    if (!rule?.[2] || !urlPath.startsWith(rule[2])) continue;
    const candidate = { length: rule[2].length, allow: rule[1]?.toLowerCase() === "allow" };
    if (
      !best ||
      candidate.length > best.length ||
      (candidate.length === best.length && candidate.allow)
    )
      best = candidate;
  }
  return best?.allow ?? true;
}

describe("public/", () => {
  it("robots.txt lets crawlers see the sign-in page only", () => {
    const robots = readFileSync(path.join(PUBLIC, "robots.txt"), "utf8");
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(allowed(robots, "/login")).toBe(true);
    for (const page of [
      "/",
      "/documents",
      "/customers/1",
      "/settings",
      "/payments",
      "/d/abc123",
      "/api/v1/documents",
    ])
      expect(allowed(robots, page), page).toBe(false);
  });

  it("apple-touch-icon.png is a 180×180 PNG in Facturo blue", () => {
    const png = PNG.sync.read(readFileSync(path.join(PUBLIC, "apple-touch-icon.png")));
    expect([png.width, png.height]).toEqual([180, 180]);
    // The corner is the brand colour (#1f4fd1), opaque: iOS rounds it itself.
    expect([...png.data.subarray(0, 4)]).toEqual([0x1f, 0x4f, 0xd1, 0xff]);
  });

  it("favicon.ico holds 16, 32 and 48 px images", () => {
    const ico = readFileSync(path.join(PUBLIC, "favicon.ico"));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i]);
    expect(sizes).toEqual([16, 32, 48]);
  });

  it("the proxy leaves the icons and robots.txt alone (no session, no request id)", () => {
    const matcher = config.matcher[0] ?? "";
    const matches = (p: string) => new RegExp(`^${matcher}$`).test(p);
    for (const file of ["/robots.txt", "/favicon.ico", "/apple-touch-icon.png", "/icon.svg"])
      expect(matches(file), file).toBe(false);
    for (const page of ["/", "/login", "/documents", "/d/abc123"])
      expect(matches(page), page).toBe(true);
  });
});
