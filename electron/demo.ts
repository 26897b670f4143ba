/**
 * The demo district, built from the samples (resources/demo): the Zeya roadmap with its 31 measures,
 * the Karpinsk order with its coordinator and curators, a working-group meeting with a protocol and
 * decisions, and some quarterly statuses. Written in one transaction into an empty database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../db/errors';
import type { ExecutionStatus } from '../db/executions';
import { setExecution } from '../db/executions';
import { clearHistory } from '../db/history';
import { addMember, type MemberRole, saveMeeting } from '../db/meetings';
import type { Db } from '../db/open';
import { createOrganization, type OrganizationKind, updateOrganization } from '../db/organizations';
import { holdsNoRecords } from '../db/first-steps';
import { inTransaction } from '../db/transaction';
import { saveOrder } from '../db/orders';
import { createPerson } from '../db/people';
import { addMeasure, addSection, type ExecutorLink, getPlan } from '../db/plan';
import { type Captions, createRoadmap } from '../db/roadmaps';
import { setDepartment } from '../db/settings';
import { fillDemoRisks } from './demo-risks';
import { fillDemoIndicators } from './demo-indicators';
import { resourcesDir } from './paths';
import type { RoadmapLevel } from '../shared/labels';

interface DemoMeasure {
  number?: string;
  name: string;
  term: string;
  executors: string;
  result: string;
  links?: string[];
}
interface DemoRoadmap {
  key: string;
  title: string;
  level: RoadmapLevel;
  school?: string;
  periodStart: string;
  periodEnd: string;
  captions: Captions;
  autoNumber?: boolean;
  measuresFile?: string;
  links?: Record<string, string[]>;
  sections?: { title: string; measures: DemoMeasure[] }[];
  coordinator?: string;
  goal?: string;
  tasks?: string;
  basisDocuments?: string;
}
interface DemoOrder {
  number: string;
  date: string;
  title: string;
  signer: string;
  basis?: string;
  clauses?: string;
  control?: string;
  appendices: { roadmap: string; appendixNumber: string }[];
}
interface District {
  department: {
    fullName: string;
    shortName: string;
    headName: string;
    headPosition: string;
    town: string;
    districtName: string;
    districtCode: string;
  };
  organizations: {
    key: string;
    kind: OrganizationKind;
    name: string;
    shortName: string;
    isShnor?: boolean;
    isShnsu?: boolean;
    is500?: boolean;
    director?: string;
    curator?: string;
    aliases?: string[];
  }[];
  people: { key: string; fullName: string; position: string; org: string; phone?: string; email?: string }[];
  coordinator: string;
  workingGroup: { person: string; role: MemberRole }[];
  roadmaps: DemoRoadmap[];
  order: DemoOrder;
  zeyaOrder: DemoOrder;
  meeting: {
    date: string;
    number: string;
    place: string;
    chair: string;
    secretary: string;
    attendees: string[];
    invited: string[];
    agenda: {
      title: string;
      heard: string;
      spoke: string;
      decisions: { text: string; responsible?: string; responsibleText?: string; term: string }[];
    }[];
  };
  executions: {
    roadmap: string;
    measure: string;
    quarter: string;
    status: ExecutionStatus;
    result: string;
    evidence: string;
    note?: string;
  }[];
}

function readJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'demo', name), 'utf8')) as T;
}

export interface DemoSummary {
  roadmaps: number;
  measures: number;
  people: number;
  schools: number;
}

export function fillDemo(db: Db): DemoSummary {
  if (!holdsNoRecords(db))
    throw new AppError('not_empty', 'Демонстрационные данные заполняются только в пустую базу: в этой уже есть записи.');
  const d = readJson<District>('district.json');
  return inTransaction(db, () => {
    const orgs = new Map<string, number>();
    const people = new Map<string, number>();
    for (const o of d.organizations)
      orgs.set(
        o.key,
        createOrganization(db, {
          kind: o.kind,
          name: o.name,
          shortName: o.shortName,
          isShnor: !!o.isShnor,
          isShnsu: !!o.isShnsu,
          is500: !!o.is500,
          directorId: null,
          curatorId: null,
          address: '',
          aliases: (o.aliases ?? []).join('\n'),
        }).id,
      );
    for (const p of d.people)
      people.set(
        p.key,
        createPerson(db, {
          fullName: p.fullName,
          position: p.position,
          organizationId: orgs.get(p.org) ?? null,
          phone: p.phone ?? '',
          email: p.email ?? '',
        }).id,
      );
    const person = (key: string): number => people.get(key) ?? fail(key);
    const fail = (key: string): never => {
      throw new Error(`demo: unknown key ${key}`);
    };
    for (const o of d.organizations)
      if (o.director || o.curator)
        updateOrganization(db, orgs.get(o.key)!, {
          directorId: o.director ? person(o.director) : null,
          curatorId: o.curator ? person(o.curator) : null,
        });
    setDepartment(db, { ...d.department, coordinatorId: person(d.coordinator) });
    for (const m of d.workingGroup) addMember(db, person(m.person), m.role);

    const linkOf = (key: string): ExecutorLink =>
      people.has(key)
        ? { personId: people.get(key)!, organizationId: null }
        : { personId: null, organizationId: orgs.get(key) ?? fail(key) };
    const roadmaps = new Map<string, number>();
    let measureCount = 0;
    for (const r of d.roadmaps) {
      const roadmap = createRoadmap(db, {
        title: r.title,
        level: r.level,
        schoolId: r.school ? (orgs.get(r.school) ?? null) : null,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        captions: r.captions,
        autoNumber: r.autoNumber ?? true,
        coordinator: r.coordinator ?? '',
        goal: r.goal ?? '',
        tasks: r.tasks ?? '',
        basisDocuments: r.basisDocuments ?? '',
      });
      roadmaps.set(r.key, roadmap.id);
      const loose = r.measuresFile ? readJson<{ measures: DemoMeasure[] }>(r.measuresFile).measures : [];
      for (const m of loose) {
        addMeasure(db, roadmap.id, null, { ...m, links: (r.links?.[m.number ?? ''] ?? []).map(linkOf) });
        measureCount++;
      }
      for (const s of r.sections ?? []) {
        const sectionId = addSection(db, roadmap.id, s.title);
        for (const m of s.measures) {
          addMeasure(db, roadmap.id, sectionId, { ...m, links: (m.links ?? []).map(linkOf) });
          measureCount++;
        }
      }
      // The demo starts with a clean undo history.
      clearHistory(db, roadmap.id);
    }
    for (const o of [d.order, d.zeyaOrder])
      saveOrder(db, null, {
        number: o.number,
        date: o.date,
        title: o.title,
        signerId: person(o.signer),
        basis: o.basis ?? '',
        clauses: o.clauses ?? '',
        control: o.control ?? '',
        appendices: o.appendices.map((a) => ({ roadmapId: roadmaps.get(a.roadmap) ?? fail(a.roadmap), appendixNumber: a.appendixNumber })),
      });
    const mt = d.meeting;
    saveMeeting(db, null, {
      date: mt.date,
      number: mt.number,
      place: mt.place,
      chairId: person(mt.chair),
      secretaryId: person(mt.secretary),
      attendeeIds: mt.attendees.map(person),
      invitedIds: mt.invited.map(person),
      agenda: mt.agenda.map((a) => ({
        ...a,
        decisions: a.decisions.map((x) => ({
          text: x.text,
          responsibleId: x.responsible ? person(x.responsible) : null,
          responsibleText: x.responsibleText ?? '',
          term: x.term,
        })),
      })),
    });
    for (const x of d.executions) {
      const roadmapId = roadmaps.get(x.roadmap) ?? fail(x.roadmap);
      const measure =
        getPlan(db, roadmapId)
          .flatMap((s) => s.measures)
          .find((m) => m.number === x.measure) ?? fail(x.measure);
      setExecution(db, {
        measureId: measure.id,
        quarter: x.quarter,
        status: x.status,
        result: x.result,
        evidence: x.evidence,
        note: x.note ?? '',
      });
    }
    fillDemoRisks(db, orgs, roadmaps);
    fillDemoIndicators(db, orgs, roadmaps);
    return {
      roadmaps: roadmaps.size,
      measures: measureCount,
      people: people.size,
      schools: d.organizations.filter((o) => o.kind === 'school').length,
    };
  });
}
