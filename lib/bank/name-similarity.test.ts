import { describe, expect, it } from "vitest";
import { namesAreSimilar, nameSimilarity, nameTokens } from "./name-similarity";

describe("nameTokens", () => {
  it.each([
    ["BVBA.BAKKER PIET", ["bakker", "piet"]],
    ["B.V.B.A. Bakker Piet", ["bakker", "piet"]],
    ["Café Dupont & Fils SRL", ["cafe", "dupont", "fils"]],
    ["M. ET MME J. VAN DEN BROECK", ["broeck"]],
    ["KLANT4 - NAAM4 MET", ["klant4", "naam4", "met"]],
    ["", []],
  ])("%j → %j", (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });
});

describe("namesAreSimilar", () => {
  it.each([
    ["DUPONT JEAN", "Jean Dupont"],
    ["BVBA BAKKER PIET", "Piet Bakker bv"],
    ["VIVIUM", "Vivium SA"],
    ["HAMERLINCK TONY", "Tony Hamerlynck"],
    ["Peters", "Peeters Jan"],
    ["KBC VERZEKERINGEN NV", "KBC Verzekeringen"],
    ["JANSSENS-PEETERS MARIE", "Marie Janssens"],
    ["DE SMET CONSTRUCT", "Smet Construct & Co"],
    ["BOUWBEDRIJF VOOR GROTE WERKEN NV", "Bouwbedrijf Grote Werk"],
  ])("%j ~ %j", (a, b) => {
    expect(namesAreSimilar(a, b)).toBe(true);
    expect(namesAreSimilar(b, a)).toBe(true);
  });

  it.each([
    ["Jean Dupont", "Marie Dupont"],
    ["Garage Lambert", "Café Dupont"],
    ["SA", "SPRL"],
    ["", "Dupont"],
    ["Banque Cantonale Vaudoise", "BCV"],
    ["Maes", "Mees Jan"],
  ])("%j ≁ %j", (a, b) => {
    expect(namesAreSimilar(a, b)).toBe(false);
  });

  it("scores the share of the shorter name found in the longer", () => {
    expect(nameSimilarity("Jan Peeters", "PEETERS JAN")).toBe(1);
    expect(nameSimilarity("Marie Janssens Verhoeven", "Marie Janssens")).toBe(1);
    expect(nameSimilarity("Marie Janssens Verhoeven", "Anna Janssens Verhoeven")).toBeCloseTo(
      2 / 3,
    );
  });
});
