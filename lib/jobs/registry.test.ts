import { describe, expect, it } from "vitest";
import { jobRegistry, registrationsOf } from "./registry";

describe("job registry", () => {
  it("loads, for every job, the handler written for that job", async () => {
    for (const registration of jobRegistry) {
      const handler = await registration.load();
      expect(handler.job, registration.job.name).toBe(registration.job);
      expect(typeof handler.run).toBe("function");
    }
  });

  it("names each job once", () => {
    const names = jobRegistry.map(({ job }) => job.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("refuses a definition it does not hold", () => {
    const stranger = { ...jobRegistry[0]!.job, name: "not-registered" };
    expect(() => registrationsOf([stranger])).toThrow("not-registered is not in the job registry");
  });
});
