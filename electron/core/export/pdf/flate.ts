import { jsPDF } from 'jspdf';
import { deflateSync } from 'node:zlib';

/**
 * jsPDF compresses every stream with fflate in JavaScript and turns the result back into a
 * string one byte at a time (a string concatenation per byte). For a 10,000-page export
 * that is most of the run time and a storm of garbage. This swaps in Node's zlib for the
 * one filter chain jsPDF uses by default (["FlateEncode"]): the bytes on the page are the
 * same zlib stream format, so nothing downstream changes; every other chain goes to
 * jsPDF's own code. Installed once per process, the first time a Bates PDF is rendered.
 */

type FilterResult = { data: string; reverseChain: string };
type ProcessDataByFilters = (data: string, chain?: string | string[]) => FilterResult;

let installed = false;

export function installFastFlate(): void {
  if (installed) return;
  const api = (jsPDF as unknown as { API: { processDataByFilters?: ProcessDataByFilters } }).API;
  const original = api.processDataByFilters;
  if (typeof original !== 'function') return; // a jsPDF without the filters plugin: leave it be
  api.processDataByFilters = (data, chain) => {
    const filters = typeof chain === 'string' ? [chain] : (chain ?? []);
    if (filters.length === 1 && (filters[0] === 'FlateEncode' || filters[0] === '/FlateEncode')) {
      return { data: deflateSync(Buffer.from(data, 'latin1')).toString('latin1'), reverseChain: '/FlateDecode' };
    }
    return original(data, chain);
  };
  installed = true;
}
