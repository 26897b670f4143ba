/** Atomic writes to what is not a plain file: a symlink keeps being a link, a device or a pipe is written in place. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/files/write-atomic';
import { tempDir } from '../helpers';

describe('writeFileAtomic beyond plain files', () => {
  it('replaces the file a symlink points to and keeps the link', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'real.docx'), 'old');
    fs.symlinkSync(path.join(dir, 'real.docx'), path.join(dir, 'link.docx'));
    writeFileAtomic(path.join(dir, 'link.docx'), Buffer.from('new'));
    expect(fs.lstatSync(path.join(dir, 'link.docx')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.docx'), 'utf8')).toBe('new');
    expect(fs.readdirSync(dir).sort()).toEqual(['link.docx', 'real.docx']);
  });

  it('writes a device in place and never renames over it', () => {
    writeFileAtomic('/dev/null', Buffer.from('x'));
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(() => writeFileAtomic('/dev/full', Buffer.alloc(10_000))).toThrow(/^На диске нет места: не удалось записать «full»/);
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(fs.readdirSync('/dev').filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
