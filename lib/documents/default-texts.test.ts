import { describe, expect, it } from "vitest";
import { documentTypes } from "./document-lifecycle";
import { defaultTexts, renderText, type TextLanguage } from "./default-texts";

const languages: TextLanguage[] = ["fr", "nl", "en", "de"];

describe("built-in document texts", () => {
  it.each(languages)(
    "an unpaid invoice in %s asks for the structured communication and due date",
    (lang) => {
      const texts = defaultTexts("invoice", "unpaid", lang);
      expect(texts.emailBody).toContain("{structuredCommunication}");
      expect(texts.emailBody).toContain("{dueDate}");
      expect(texts.legend).toContain("{structuredCommunication}");
    },
  );

  it.each(languages)("a paid invoice in %s asks for nothing", (lang) => {
    const texts = defaultTexts("invoice", "paid", lang);
    expect(texts.emailBody).not.toContain("{structuredCommunication}");
    expect(texts.legend).not.toContain("{dueDate}");
  });

  it.each(documentTypes.filter((t) => t !== "invoice"))("a %s never asks for money", (type) => {
    for (const lang of languages) {
      const texts = defaultTexts(type, "unpaid", lang);
      expect(texts.emailBody).not.toMatch(/structuredCommunication|dueDate|total/);
      expect(texts.legend).toBe("");
      expect(texts.emailSubject).not.toContain("{name}");
    }
  });

  it("names the document in its language", () => {
    expect(defaultTexts("credit_note", "paid", "nl").emailSubject).toBe(
      "Je creditnota {number} — {companyName}",
    );
    expect(defaultTexts("delivery_note", "paid", "fr").emailSubject).toBe(
      "Votre bon de livraison {number} — {companyName}",
    );
  });
});

describe("renderText", () => {
  it("fills placeholders and drops the line of an empty payment link", () => {
    const body = renderText(defaultTexts("invoice", "unpaid", "en").emailBody, {
      customerName: "Marie",
      number: "2026-0001",
      total: "€ 12,10",
      dueDate: "28/12/2026",
      structuredCommunication: "+++026/0000/00137+++",
      companyName: "Boutique",
    });
    expect(body).toContain("Hello Marie,");
    expect(body).toContain("+++026/0000/00137+++.\n\nThank you,");
    expect(body).not.toMatch(/[{}]/);
  });

  it("leaves hostile values as plain text (emails are sent as text)", () => {
    expect(renderText("Hi {customerName}", { customerName: "<script>x</script>" })).toBe(
      "Hi <script>x</script>",
    );
  });
});
