/**
 * Free text that could identify people or places below the employment-area level. The names an
 * instrument registers (its name, versions, scale and dimensions) are published on every row,
 * so they must not carry a municipality, a person's identity code, an e-mail address, a phone or
 * customer number, or a subgroup ("without customer 17" beside "all" shows that customer's
 * change by subtraction).
 */

/** A Finnish personal identity code (henkilötunnus): DDMMYY, century sign, 3 digits, a check character. */
const PERSONAL_ID = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/i;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** Seven or more digits in a row, allowing spaces and hyphens between them: a phone or register number. */
const LONG_NUMBER = /\d(?:[\s-]?\d){6,}/;
/** A person or customer followed by a number. */
const CUSTOMER_NUMBER = /\b(asiakas|asiakkaa\p{L}*|customer\p{L}*|client\p{L}*|kund\p{L}*|klient\p{L}*|henkilö\p{L}*|person\p{L}*)\s*(n:o|nro|no\.?|nr\.?|#|numero|number|nummer)?\s*\d+/iu;
/** Words that carve a subgroup out of another row. */
const SUBGROUP = /(^|[^\p{L}])(ilman|paitsi|pois\s+lukien|lukuun\s+ottamatta|without|except|excluding|excl\.|utom|förutom|exklusive|exkl\.)([^\p{L}]|$)/iu;

/** Lower-case words (letters, with inner hyphens) of a text. */
function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? [];
}

/**
 * Why `text` looks identifying, or `null`. `placeNames` are lower-case municipality names (every
 * language); a name matches as a whole word or a run of whole words. With `sentenceCase`, a
 * capitalised word after the first one (e.g. "Matti" in "Arjenhallinta Matti") is refused as
 * what a person's or place's name looks like.
 */
export function identifyingReason(text: string, placeNames: ReadonlySet<string>, sentenceCase = false): string | null {
  if (PERSONAL_ID.test(text)) return 'it contains what looks like a personal identity code';
  if (EMAIL.test(text)) return 'it contains an e-mail address';
  if (LONG_NUMBER.test(text)) return 'it contains a long number (a phone, register or customer number?)';
  if (CUSTOMER_NUMBER.test(text)) return 'it names a numbered customer or person';
  const sub = SUBGROUP.exec(text);
  if (sub) return `"${sub[2]}" carves a subgroup out of other rows, which subtraction would reveal`;
  const w = words(text);
  for (let len = 3; len >= 1; len--) {
    for (let k = 0; k + len <= w.length; k++) {
      const phrase = w.slice(k, k + len).join(' ');
      if (placeNames.has(phrase)) return `"${phrase}" is the name of a municipality; results are published only for employment areas and the whole country`;
    }
  }
  if (sentenceCase) {
    const rest = text.match(/\p{L}[\p{L}-]*/gu)?.slice(1) ?? [];
    const cap = rest.find((x) => /^\p{Lu}\p{Ll}/u.test(x));
    if (cap) return `the capitalised word "${cap}" looks like a person's or a place's name; write dimensions in sentence case`;
  }
  return null;
}
