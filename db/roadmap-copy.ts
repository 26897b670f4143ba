/**
 * «Создать на следующий год…»: a roadmap copied into a new period — the passport, captions, sections,
 * measures and their executor links — with the years in its title and in the measures' terms moved by
 * as many years as the period moved («Октябрь 2024» → «Октябрь 2025»). Execution is not copied (the new
 * year starts empty), nor are the orders that approved the old one. Indicators are copied with their
 * baselines and targets (the targets' years moved like the terms, those outside the new period left out),
 * never the actual values: those are the old period's facts. Terms that may not mean the same
 * after the move are listed for the methodist to check.
 */
import type { Db } from './open';
import { createIndicator, listIndicators, setIndicatorValue } from './indicators';
import { indicatorYears } from '../shared/indicators';
import { createRoadmap, getRoadmap, type Roadmap, PASSPORT_FIELDS } from './roadmaps';
import { yearOf } from './terms/dates';
import { shiftYears } from './terms/shift';
import { refreshRoadmapTerms } from './terms/store';

export interface UnshiftedTerm {
  measureId: number;
  number: string;
  term: string;
  reason: string;
}

export interface RoadmapCopy {
  roadmap: Roadmap;
  sections: number;
  measures: number;
  /** Terms whose years were moved. */
  shifted: number;
  indicators: number;
  unshifted: UnshiftedTerm[];
}

interface SourceMeasure {
  id: number;
  sectionId: number | null;
  position: number;
  number: string;
  name: string;
  term: string;
  executors: string;
  result: string;
  termKind: string | null;
}

export function copyRoadmap(db: Db, id: number, period: { periodStart: string; periodEnd: string }): RoadmapCopy {
  return db.sqlite.transaction(() => {
    const source = getRoadmap(db, id);
    const years = yearOf(period.periodStart) - yearOf(source.periodStart);
    const passport = Object.fromEntries(PASSPORT_FIELDS.map((f) => [f, source[f]]));
    const copy = createRoadmap(db, {
      ...passport,
      title: shiftYears(source.title, years).text,
      level: source.level,
      schoolId: source.schoolId,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      captions: source.captions,
      autoNumber: source.autoNumber,
    });

    const sectionIds = new Map<number, number>();
    const sections = db.sqlite
      .prepare('SELECT id, position, number, title FROM sections WHERE roadmap_id = ? ORDER BY position')
      .all(id) as {
      id: number;
      position: number;
      number: string;
      title: string;
    }[];
    const insertSection = db.sqlite.prepare('INSERT INTO sections (roadmap_id, position, number, title) VALUES (?, ?, ?, ?)');
    for (const s of sections) sectionIds.set(s.id, Number(insertSection.run(copy.id, s.position, s.number, s.title).lastInsertRowid));

    const measures = db.sqlite
      .prepare(
        `SELECT id, section_id AS sectionId, position, number, name, term, executors, result, term_kind AS termKind
           FROM measures WHERE roadmap_id = ? ORDER BY position`,
      )
      .all(id) as SourceMeasure[];
    const insertMeasure = db.sqlite.prepare(
      'INSERT INTO measures (roadmap_id, section_id, position, number, name, term, executors, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const copyLinks = db.sqlite.prepare(
      'INSERT INTO measure_executors (measure_id, person_id, organization_id) SELECT ?, person_id, organization_id FROM measure_executors WHERE measure_id = ? ORDER BY id',
    );
    // The risk factors a measure addresses are part of the measure: the next year's plan addresses them too.
    const copyRisks = db.sqlite.prepare(
      'INSERT INTO measure_risks (measure_id, factor_id) SELECT ?, factor_id FROM measure_risks WHERE measure_id = ? ORDER BY id',
    );
    const unshifted: UnshiftedTerm[] = [];
    const copied: { old: SourceMeasure; newId: number }[] = [];
    let shifted = 0;
    for (const m of measures) {
      const term = shiftYears(m.term, years);
      if (term.changed > 0) shifted++;
      const newId = Number(
        insertMeasure.run(
          copy.id,
          m.sectionId === null ? null : sectionIds.get(m.sectionId)!,
          m.position,
          m.number,
          m.name,
          term.text,
          m.executors,
          m.result,
        ).lastInsertRowid,
      );
      copyLinks.run(newId, m.id);
      copyRisks.run(newId, m.id);
      copied.push({ old: m, newId });
      if (term.problem) unshifted.push({ measureId: newId, number: m.number, term: term.text, reason: term.problem });
    }
    refreshRoadmapTerms(db, copy.id);
    const indicators = copyIndicators(db, id, copy.id, years);

    // Read back as the app now understands each moved term: what was understood before and is not now,
    // or now falls outside the new period, needs the methodist's eye.
    const readBack = db.sqlite.prepare(
      'SELECT term, term_kind AS kind, term_start AS start, term_end AS end, term_due AS due FROM measures WHERE id = ?',
    );
    const outside = (d: string | null) => d !== null && (d < period.periodStart || d > period.periodEnd);
    for (const { old, newId } of copied) {
      if (unshifted.some((u) => u.measureId === newId)) continue;
      const now = readBack.get(newId) as { term: string; kind: string; start: string | null; end: string | null; due: string };
      const due = JSON.parse(now.due) as string[];
      // An unread term is listed whether it was readable before or not: the new plan is the place to fix it.
      if (now.kind === 'unparsed' && now.term.trim())
        unshifted.push({
          measureId: newId,
          number: old.number,
          term: now.term,
          reason: old.termKind === 'unparsed' ? 'срок не распознан (и в исходной карте)' : 'срок не распознан после переноса',
        });
      else if (due.some(outside) || outside(now.start) || outside(now.end))
        unshifted.push({ measureId: newId, number: old.number, term: now.term, reason: 'срок выходит за период новой дорожной карты' });
    }
    return { roadmap: getRoadmap(db, copy.id), sections: sections.length, measures: measures.length, shifted, indicators, unshifted };
  })();
}

/** The indicators with their baselines and targets (years moved by `years`); returns how many. Through the one writer of values. */
function copyIndicators(db: Db, fromId: number, toId: number, years: number): number {
  const target = getRoadmap(db, toId);
  const values = db.sqlite.prepare(
    `SELECT school_id AS schoolId, kind, year, value, weight FROM indicator_values
      WHERE indicator_id = ? AND kind IN ('baseline', 'target') AND (school_id IS NULL OR school_id IN (SELECT id FROM organizations WHERE kind = 'school'))
      ORDER BY id`,
  );
  const source = listIndicators(db, fromId);
  for (const indicator of source) {
    const copy = createIndicator(db, toId, indicator);
    const inPeriod = new Set(indicatorYears(target.periodStart, target.periodEnd, indicator.yearKind));
    for (const v of values.all(indicator.id) as {
      schoolId: number | null;
      kind: 'baseline' | 'target';
      year: number;
      value: number;
      weight: number | null;
    }[]) {
      const year = v.kind === 'target' ? v.year + years : v.year;
      if (v.kind === 'target' && !inPeriod.has(year)) continue;
      setIndicatorValue(db, { indicatorId: copy.id, schoolId: v.schoolId, kind: v.kind, year, value: v.value, weight: v.weight });
    }
  }
  return source.length;
}
