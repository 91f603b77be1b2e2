/**
 * ITU-T E.164 country calling codes in use, and the length of the national significant
 * number (after the code, without a trunk 0) where a country fixes it. Calling codes
 * are prefix-free, so at most one of the first 1-3 digits of a number is a code.
 */
const CODES = new Set(
  (
    '1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 ' +
    '211 212 213 216 218 220 221 222 223 224 225 226 227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 ' +
    '250 251 252 253 254 255 256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298 299 ' +
    '350 351 352 353 354 355 356 357 358 359 370 371 372 373 374 375 376 377 378 380 381 382 383 385 386 387 389 420 421 423 ' +
    '500 501 502 503 504 505 506 507 508 509 590 591 592 593 594 595 596 597 598 599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 ' +
    '686 687 688 689 690 691 692 850 852 853 855 856 880 886 960 961 962 963 964 965 966 967 968 970 971 972 973 974 975 976 977 992 993 994 995 996 998'
  ).split(' '),
);

/** [min, max] digits of the national significant number, for countries where we know it. */
const NSN_LENGTH: Record<string, readonly [number, number]> = {
  '1': [10, 10], '7': [10, 10], '20': [8, 10], '27': [9, 9], '30': [10, 10], '31': [9, 9], '32': [8, 9], '33': [9, 9],
  '34': [9, 9], '36': [8, 9], '39': [6, 11], '41': [9, 9], '43': [4, 13], '44': [9, 10], '45': [8, 8], '46': [7, 9],
  '47': [8, 8], '48': [9, 9], '49': [6, 13], '52': [10, 10], '55': [10, 11], '61': [9, 9], '62': [8, 12], '63': [10, 10],
  '64': [8, 10], '65': [8, 8], '66': [8, 9], '81': [9, 10], '82': [8, 10], '84': [9, 10], '86': [9, 11], '90': [10, 10],
  '91': [10, 10], '92': [9, 10], '351': [9, 9], '353': [7, 9], '852': [8, 8], '886': [8, 9], '966': [9, 9], '971': [8, 9],
  '972': [8, 9],
};
const DEFAULT_NSN: readonly [number, number] = [6, 12];

/** The calling code at the start of `digits` (no '+'), or null. */
export function callingCode(digits: string): string | null {
  for (let len = 1; len <= 3; len++) {
    const cc = digits.slice(0, len);
    if (CODES.has(cc)) return cc;
  }
  return null;
}

export function nationalLength(cc: string): readonly [number, number] {
  return NSN_LENGTH[cc] ?? DEFAULT_NSN;
}
