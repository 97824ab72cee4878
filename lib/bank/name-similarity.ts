/**
 * Words that do not tell two customers apart: legal forms (Belgian, French, Dutch,
 * German, English), titles and name particles. "BVBA Bakker Piet", "Piet Bakker bv"
 * and "M. Piet Bakker" are the same customer.
 */
const NOISE = new Set([
  // legal forms
  "bv",
  "bvba",
  "ebvba",
  "nv",
  "cv",
  "cvba",
  "vof",
  "commv",
  "gcv",
  "vzw",
  "sa",
  "srl",
  "sprl",
  "sprlu",
  "scrl",
  "scs",
  "snc",
  "asbl",
  "sarl",
  "sas",
  "eurl",
  "gmbh",
  "ag",
  "kg",
  "ltd",
  "llc",
  "inc",
  "plc",
  "co",
  // titles
  "mr",
  "mrs",
  "ms",
  "dhr",
  "mevr",
  "heer",
  "mevrouw",
  "mme",
  "mlle",
  "mw",
  "dr",
  "me",
  // particles and joiners
  "de",
  "der",
  "den",
  "van",
  "von",
  "la",
  "le",
  "les",
  "du",
  "des",
  "het",
  "en",
  "et",
  "and",
  "und",
  "the",
  "of",
]);

/**
 * The distinctive words of a name: without accents, case and punctuation, initials
 * dropped; letters spelled out with dots ("B.V.B.A.") are glued back together first.
 */
export function nameTokens(name: string): string[] {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (plain === "") return [];
  const glued: string[] = [];
  let letters = "";
  for (const word of plain.split(" ")) {
    if (word.length === 1) {
      letters += word;
      continue;
    }
    if (letters) glued.push(letters);
    letters = "";
    glued.push(word);
  }
  if (letters) glued.push(letters);
  return glued.filter((word) => word.length > 1 && !NOISE.has(word));
}

/**
 * How much of the shorter name is found in the other, 0 to 1. Word order does not matter
 * ("DUPONT JEAN" = "Jean Dupont"); a word matches when equal, when one is a prefix of the
 * other of at least 4 letters (banks cut names at 35 characters), or with one typo in
 * words of 5 letters or more ("Hamerlinck" ~ "Hamerlynck").
 */
export function nameSimilarity(a: string, b: string): number {
  const tokensA = nameTokens(a);
  const tokensB = nameTokens(b);
  if (tokensA.length === 0 || tokensB.length === 0) return 0;
  const [shorter, longer] =
    tokensA.length <= tokensB.length ? [tokensA, tokensB] : [tokensB, tokensA];
  const available = [...longer];
  let matched = 0;
  for (const token of shorter) {
    const index = available.findIndex((other) => tokensMatch(token, other));
    if (index >= 0) {
      matched += 1;
      available.splice(index, 1);
    }
  }
  return matched / shorter.length;
}

/**
 * Two thirds of the shorter name's words: a one- or two-word name must match fully, so
 * "Jean Dupont" is not "Marie Dupont", while a three-word name may miss one word.
 */
export const NAME_SIMILARITY_THRESHOLD = 2 / 3;

export function namesAreSimilar(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= NAME_SIMILARITY_THRESHOLD - 1e-9;
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  return short.length >= 5 && long.length - short.length <= 1 && withinOneEdit(short, long);
}

/** Levenshtein distance ≤ 1, without building the matrix. */
function withinOneEdit(short: string, long: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < short.length && j < long.length) {
    if (short[i] === long[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (short.length === long.length) i += 1;
    j += 1;
  }
  return edits + (long.length - j) + (short.length - i) <= 1;
}
