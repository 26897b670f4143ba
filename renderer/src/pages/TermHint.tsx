/** How the app understood a term, shown beside the text as written; unrecognised terms marked. */
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, type ApiOutput } from '../api';

type Reading = ApiOutput<'terms.parse'>;

/** The reading, and beside it how sure it is («год взят из периода», «примерно») with a kept qualifier. */
export function Understood({ reading }: { reading: Pick<Reading, 'kind' | 'understood'> & { caveat?: string } }) {
  return (
    <>
      <Typography.Text type={reading.kind === 'unparsed' ? 'warning' : 'secondary'} style={{ fontSize: 12 }} data-testid="term-understood">
        {reading.kind === 'unparsed' ? '⚠ ' : '→ '}
        {reading.understood}
      </Typography.Text>
      {reading.caveat && (
        <Typography.Text type="secondary" italic style={{ fontSize: 12 }} data-testid="term-caveat">
          {' '}
          ({reading.caveat})
        </Typography.Text>
      )}
    </>
  );
}

/** The hint under a term field in a form: watches the field and explains it. */
export function LiveTermHint({ text, scope }: { text: string | undefined; scope: TermScope }) {
  const reading = useTermReading(text, scope);
  return reading ? <Understood reading={reading} /> : null;
}

export function TermCell({ term, parsed }: { term: string; parsed: Pick<Reading, 'kind' | 'understood'> & { caveat?: string } }) {
  return (
    <div>
      <div style={{ whiteSpace: 'pre-wrap' }}>{term}</div>
      {term.trim() && <Understood reading={parsed} />}
    </div>
  );
}

/** Re-reads the term as the user types (after a short pause), against a roadmap's period or a given one. */
export type TermScope = { roadmapId: number } | { meetingDate: string };

export function useTermReading(text: string | undefined, scope: TermScope): Reading | null {
  const key = JSON.stringify(scope);
  const [reading, setReading] = useState<Reading | null>(null);
  useEffect(() => {
    if (!text?.trim()) {
      setReading(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('terms.parse', { text: text.slice(0, 2000), ...scope }).then(
        (r) => live && setReading(r),
        () => live && setReading(null),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, key]);
  return reading;
}
