/**
 * Could these digits be a US Social Security number? The SSA never issues area 000, 666
 * or 900-999, group 00 or serial 0000. Numbers of one repeated digit and the two numbers
 * printed in ads and docs (078-05-1120, the Woolworth wallet card, and 123-45-6789) are
 * treated as not real too.
 */
const VOIDED = new Set(['078051120', '123456789', '219099999']);

export function isPlausibleSsn(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area.charCodeAt(0) === 57 /* 9 */) return false;
  if (group === '00' || serial === '0000') return false;
  const all = area + group + serial;
  if (/^(\d)\1{8}$/.test(all)) return false;
  return !VOIDED.has(all);
}
