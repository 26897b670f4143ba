/** A signature line: the position at the left (possibly several lines), the name against the right field. */
import { Paragraph, TabStopType } from 'docx';
import { contentWidth, type Orientation, run } from './layout';

/** `keepNext`: the next signature stays on this one's page (the chair's with the secretary's). */
export function signature(position: string, name: string, orientation: Orientation, before = 480, keepNext = false): Paragraph {
  const lines = position.split('\n');
  return new Paragraph({
    keepLines: true,
    ...(keepNext ? { keepNext: true } : {}),
    spacing: { before },
    tabStops: [{ type: TabStopType.RIGHT, position: contentWidth(orientation) }],
    children: lines.map((line, i) => run(i === lines.length - 1 ? `${line}\t${name}` : line, i > 0 ? { break: 1 } : {})),
  });
}
