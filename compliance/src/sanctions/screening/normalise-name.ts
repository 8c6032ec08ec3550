// Letters NFKD does not take apart, folded to what a Latin-alphabet form or passport would print.
const FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h' };
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/**
 * Words that say what kind of person or company a name belongs to, not which one: honorifics and
 * legal forms. They are dropped from list names and queries alike. The set is deliberately short:
 * religious and tribal titles (`haji`, `shaykh`, `mullah`) and particles (`al`, `bin`, `abu`) stay,
 * because on the SDN list they are often the only distinctive part of a name.
 */
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  // honorifics
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'madam', 'mme', 'mlle', 'herr', 'frau',
  // legal forms
  'ltd', 'limited', 'llc', 'llp', 'lp', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'plc', 'gmbh', 'ag',
  'sa', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ooo', 'oao', 'zao', 'pao', 'ao', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'fze', 'fzco', 'fzc', 'fzllc',
]);

/**
 * A name in comparable form: Unicode NFKD with combining marks removed (é → e, İ → i), a few more
 * letters folded (ß → ss, ø → o), lower case, apostrophes and dots removed (so `'ABD` = `ABD` and
 * `S.A.` = `SA`), every other non-letter, non-digit a space, spaces collapsed.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (letter) => FOLDS[letter] ?? letter)
    .replace(/['’ʼʻ`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The distinct tokens of a normalised name, in order, without noise words, unless the name is
 * nothing but noise words (a company called `Limited Co` is still screened as such).
 */
export function nameTokens(name: string): string[] {
  const normalised = normaliseName(name);
  if (normalised === '') return [];
  const all = [...new Set(normalised.split(' '))];
  const meaningful = all.filter((token) => !NOISE_WORDS.has(token));
  return meaningful.length > 0 ? meaningful : all;
}
