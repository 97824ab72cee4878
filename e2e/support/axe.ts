import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = AxeResults["violations"][number];

export interface A11yOptions {
  /** Only check inside these selectors. */
  include?: string[];
  /** Skip these selectors (e.g. a third-party widget). */
  exclude?: string[];
  /** axe rule ids to skip, each with a reason in the calling test. */
  disableRules?: string[];
}

const FAILING_IMPACTS = new Set(["serious", "critical"]);

function describeViolation(v: Violation): string {
  const nodes = v.nodes.slice(0, 5).map((node) => {
    const target = node.target
      .map((t) => (Array.isArray(t) ? t.join(" >> ") : String(t)))
      .join(" ");
    // "Fix any of the following:\n  reason\n  reason" → "Fix any of the following: reason; reason"
    const why = (node.failureSummary ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join("; ")
      .replace(/:; /g, ": ");
    return `    - ${target}${why ? `: ${why}` : ""}`;
  });
  if (v.nodes.length > nodes.length)
    nodes.push(`    - … and ${v.nodes.length - nodes.length} more`);
  return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join("\n")}`;
}

/**
 * Runs axe on the current page (all of axe's default rules: WCAG 2.x A/AA and best
 * practices) and fails on any violation of impact "serious" or "critical", listing
 * each with the elements concerned. Minor and moderate ones are attached to the test
 * report as `axe-results` but do not fail it.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: A11yOptions = {},
): Promise<void> {
  // Next.js streams <title> after the first bytes of a dynamic page: wait for it,
  // or axe would judge a page that is still arriving.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page });
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  const results = await builder.analyze();
  await test.info().attach("axe-results", {
    body: JSON.stringify({ url: results.url, violations: results.violations }, null, 2),
    contentType: "application/json",
  });

  const serious = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ""));
  expect(
    serious.map(describeViolation),
    `serious or critical accessibility violations on ${page.url()}`,
  ).toEqual([]);
}
