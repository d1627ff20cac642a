import { numberFormat } from './intl.js';

/**
 * `value` with its unit as Intl's pieces ("2" and " days"), always with the number: a countdown box
 * and a "+1 day" mark need one. Arabic says one and two in the word itself ("يوم", "يومان": one day,
 * two days) and Intl then gives no number; putting "2" before "يومان" would say it twice, so the
 * word becomes the form used after other numbers with no count of its own ("يوم", as a heading).
 */
export function unitParts(lang: string, unit: string, value: number, display: 'long' | 'short' | 'narrow', signed = false): Intl.NumberFormatPart[] {
  const options = { style: 'unit', unit: unit.replace(/s$/, ''), unitDisplay: display, signDisplay: signed ? 'always' : 'auto' } as const;
  const pieces = numberFormat(lang, options).formatToParts(value);
  if (pieces.some((p) => p.type === 'integer')) return pieces;
  const word = numberFormat(lang, options).formatToParts(100).find((p) => p.type === 'unit')?.value ?? '';
  const number = numberFormat(lang, { signDisplay: options.signDisplay }).formatToParts(value);
  return [...number, { type: 'literal', value: ' ' }, { type: 'unit', value: word }];
}
