/** Organisations: the department, the РМК, the schools (ОО) with their ШНОР/ШНСУ/500+ flags, others. */
import { eq } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import { mustExist } from './exists';
import type { Db } from './open';
import { nowSql, organizations } from './schema';
import { moveToTrash } from './trash';
import { checkVersion, nextVersion } from './versions';
import { aliasLines, type SchoolNames } from '../shared/school-match';
import { ORGANIZATION_KINDS } from '../shared/labels';

export type Organization = typeof organizations.$inferSelect;
export type OrganizationKind = Organization['kind'];
export type OrganizationInput = Pick<Organization, 'kind' | 'name'> &
  Partial<Pick<Organization, 'shortName' | 'isShnor' | 'isShnsu' | 'is500' | 'directorId' | 'curatorId' | 'address' | 'aliases'>>;

const KIND_ORDER: readonly OrganizationKind[] = ORGANIZATION_KINDS;
// Natural order, as a person sorts: «СОШ № 2» before «СОШ № 16».
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

export function listOrganizations(db: Db, kind?: OrganizationKind): Organization[] {
  const q = db.orm.select().from(organizations);
  const rows = (kind ? q.where(eq(organizations.kind, kind)) : q).all();
  const label = (o: Organization) => o.shortName || o.name;
  return rows.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || collator.compare(label(a), label(b)));
}

/**
 * The schools as the matcher sees them (names, short names, aliases): the one list every caller that
 * recognises schools in executors text uses — school forms, «Сроки», the link proposals.
 */
export function schoolDirectory(db: Db): SchoolNames[] {
  const rows = db.sqlite
    .prepare(`SELECT id, name, short_name AS shortName, aliases FROM organizations WHERE kind = 'school' ORDER BY id`)
    .all() as { id: number; name: string; shortName: string; aliases: string }[];
  return rows.map((r) => ({ ...r, aliases: aliasLines(r.aliases) }));
}

/** One school as the matcher sees it; null when there is no such organisation. */
export function schoolNames(db: Db, id: number): SchoolNames | null {
  const r = db.sqlite.prepare('SELECT id, name, short_name AS shortName, aliases FROM organizations WHERE id = ?').get(id) as
    { id: number; name: string; shortName: string; aliases: string } | undefined;
  return r ? { ...r, aliases: aliasLines(r.aliases) } : null;
}

export function getOrganization(db: Db, id: number): Organization {
  return db.orm.select().from(organizations).where(eq(organizations.id, id)).get() ?? raise(notFound('Организация', id));
}

/** Aliases as stored: one per line, trimmed, blank lines and repeats dropped. */
function tidy<T extends Partial<OrganizationInput>>(input: T): T {
  return input.aliases === undefined ? input : { ...input, aliases: aliasLines(input.aliases).join('\n') };
}

export function createOrganization(db: Db, input: OrganizationInput): Organization {
  for (const id of [input.directorId, input.curatorId]) mustExist(db, 'people', id);
  return db.orm.insert(organizations).values(tidy(input)).returning().get();
}

export function updateOrganization(db: Db, id: number, input: Partial<OrganizationInput>, expectedVersion?: number): Organization {
  for (const id of [input.directorId, input.curatorId]) mustExist(db, 'people', id);
  return db.sqlite.transaction(() => {
    checkVersion(db, 'organizations', id, expectedVersion);
    const row = db.orm
      .update(organizations)
      .set({ ...tidy(input), updatedAt: nowSql, version: nextVersion })
      .where(eq(organizations.id, id))
      .returning()
      .get();
    return row ?? raise(notFound('Организация', id));
  })();
}

export function deleteOrganization(db: Db, id: number): void {
  const org = getOrganization(db, id);
  const count = (s: string) => db.sqlite.prepare(s).pluck().get(id) as number;
  const uses: string[] = [];
  const asExecutor = count('SELECT count(*) FROM measure_executors WHERE organization_id = ?');
  if (asExecutor) uses.push(`исполнитель мероприятий (${asExecutor})`);
  const asSchool = count('SELECT count(*) FROM roadmaps WHERE school_id = ?');
  if (asSchool) uses.push(`школа дорожных карт (${asSchool})`);
  if (uses.length > 0) throw new AppError('in_use', `Нельзя удалить «${org.shortName || org.name}»: она указана как ${uses.join(', ')}.`);
  // Its people stay, without an organisation (ON DELETE SET NULL) until it is restored from the bin.
  moveToTrash(db, 'organization', id);
}
