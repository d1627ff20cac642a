import { intl, numberFormat } from './intl.js';

/**
 * A number as a sentence needs it: written the language's way (Arabic-Indic digits for `ar-EG`) and
 * with its plural category, since Arabic has six forms and French counts 0 and 1 as singular.
 */
export interface Count {
  value: number;
  text: string;
  plural: Intl.LDMLPluralRule;
}

export function count(value: number, lang: string): Count {
  return {
    value,
    text: numberFormat(lang).format(value),
    plural: intl(Intl.PluralRules, lang, {}).select(value),
  };
}

/** The form of a word or sentence that `n` takes; `other` stands for every form a language leaves out. */
export function plural(n: Count, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[n.plural] ?? forms.other;
}
