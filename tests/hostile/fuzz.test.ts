/**
 * Fuzzing the readers with the real sample files: a few hundred random byte-level mutations (seeded,
 * so every run tries the same ones) of the .docx and .xlsx fixtures — flipped and overwritten bytes
 * in the file as it is, and the same inside the unpacked document.xml or sheet, packed again so the
 * XML reader sees them. Every import must end cleanly and quickly: a preview, or a Russian message
 * from a known refusal — never an unknown error, never «Внутренняя ошибка».
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { callApi } from '../../electron/api/call';
import { ZipReader } from '../../electron/files/zip';
import { AppError } from '../../db/errors';
import { closeDatabase, freshDb } from '../helpers';
import { makeZip, prng } from './make';

const FIXTURES = path.resolve(__dirname, '../fixtures/import');
const SAMPLES = ['ulchsky.docx', 'tambov.docx', 'notable.docx', 'unnumbered.docx', 'excel.xlsx'];
const PER_SAMPLE = 60;
/** One import of a small sample takes milliseconds; seconds would mean a hang in the making. */
const CEILING_MS = 5000;

/** Every part of the archive, unpacked (the samples are small and trusted). */
function parts(data: Buffer): { name: string; data: Buffer }[] {
  const names: string[] = [];
  const d = data;
  let end = d.length - 22;
  while (d.readUInt32LE(end) !== 0x06054b50) end--;
  let at = d.readUInt32LE(end + 16);
  for (let i = 0; i < d.readUInt16LE(end + 10); i++) {
    const n = d.readUInt16LE(at + 28);
    names.push(d.toString('utf8', at + 46, at + 46 + n));
    at += 46 + n + d.readUInt16LE(at + 30) + d.readUInt16LE(at + 32);
  }
  const zip = new ZipReader(data, 'sample', () => new AppError('bad_file', 'sample'));
  return names.map((name) => ({ name, data: zip.read(name)! }));
}

function mutate(bytes: Buffer, r: () => number): Buffer {
  const out = Buffer.from(bytes);
  const kind = Math.floor(r() * 4);
  const pos = () => Math.floor(r() * out.length);
  if (kind === 0) for (let k = 0, n = 1 + Math.floor(r() * 8); k < n; k++) out[pos()] = Math.floor(r() * 256);
  else if (kind === 1) for (let k = 0, n = 1 + Math.floor(r() * 4); k < n; k++) out[pos()]! ^= 1 << Math.floor(r() * 8);
  else if (kind === 2) return out.subarray(0, pos());
  else {
    // A run of bytes copied over another place: tags cut in the middle, a header in the wrong spot.
    const from = pos();
    const len = Math.min(1 + Math.floor(r() * 64), out.length - from);
    out.copy(out, pos(), from, from + len);
  }
  return out;
}

let db: Db;
beforeAll(() => {
  db = freshDb();
});
afterAll(() => closeDatabase(db));

describe(`${SAMPLES.length * PER_SAMPLE} mutations of the sample files all end cleanly`, () => {
  for (const [s, sample] of SAMPLES.entries())
    it(sample, { timeout: 120_000 }, async () => {
      const original = fs.readFileSync(path.join(FIXTURES, sample));
      const inner = parts(original);
      const main = inner.findIndex((p) => p.name === 'word/document.xml' || p.name === 'xl/worksheets/sheet1.xml');
      expect(main).toBeGreaterThanOrEqual(0);
      // What the sample gives untouched (notable.docx has no plan table: «no_plan» is its right answer).
      const untouched = await callApi({ db }, 'import.preview', { fileName: sample, base64: original.toString('base64') });
      const normal = untouched.ok ? 'ok' : untouched.error.code;
      const r = prng(1000 + s);
      const outcomes = new Map<string, number>();
      for (let i = 0; i < PER_SAMPLE; i++) {
        // Half the mutations hit the file as it is (the zip), half the XML inside it.
        const data =
          i % 2 === 0
            ? mutate(original, r)
            : makeZip(
                inner.map((p, k) => ({
                  name: p.name,
                  data: k === main ? mutate(p.data, r) : p.data,
                  method: p.data.length > 1024 ? 8 : 0,
                })),
              );
        const t0 = performance.now();
        const res = await callApi({ db }, 'import.preview', { fileName: sample, base64: data.toString('base64') });
        const ms = performance.now() - t0;
        expect(ms, `${sample} #${i}`).toBeLessThan(CEILING_MS);
        if (res.ok) outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
        else {
          expect(res.error.code, `${sample} #${i}: ${res.error.message}`).not.toBe('internal');
          expect(res.error.message).toMatch(/[А-Яа-яЁё]/);
          expect(res.error.message).not.toMatch(/Внутренняя ошибка|\n\s+at /);
          outcomes.set(res.error.code, (outcomes.get(res.error.code) ?? 0) + 1);
        }
      }
      // The mutations are not all refused at the door: some reach the recognizer and still end as the sample does.
      expect(outcomes.get(normal) ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(0);
      expect(outcomes.size, JSON.stringify([...outcomes])).toBeGreaterThan(1);
    });
});
