/** Department settings (printed on every document) and small app preferences, kept as key–value rows. */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { staleError } from './versions';
import { mustExist } from './exists';
import type { Db } from './open';
import { settings } from './schema';

export interface Department {
  fullName: string;
  shortName: string;
  headName: string;
  headPosition: string;
  town: string;
  /** The district's municipal coordinator (муниципальный координатор), a person id. */
  coordinatorId: number | null;
  /** The district as the region knows it («Ульчский район»): printed in reports and their file names. */
  districtName: string;
  /** ОКТМО, 8 or 11 digits, or empty: lets the region tell districts of similar names apart. */
  districtCode: string;
}

const DEPARTMENT_KEY = 'department';

export const EMPTY_DEPARTMENT: Department = {
  fullName: '',
  shortName: '',
  headName: '',
  headPosition: '',
  town: '',
  coordinatorId: null,
  districtName: '',
  districtCode: '',
};

export function getSetting(db: Db, key: string): string | null {
  return db.orm.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.orm
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, version: sql`${settings.version} + 1` } })
    .run();
}

/** A setting's version; 0 while it was never saved, so a form opened on the defaults can hold it too. */
export function settingVersion(db: Db, key: string): number {
  return db.orm.select({ version: settings.version }).from(settings).where(eq(settings.key, key)).get()?.version ?? 0;
}

export function getDepartment(db: Db): Department & { version: number } {
  const raw = getSetting(db, DEPARTMENT_KEY);
  const stored = raw ? (JSON.parse(raw) as Partial<Department> & { version?: unknown }) : {};
  delete stored.version;
  return { ...EMPTY_DEPARTMENT, ...stored, version: settingVersion(db, DEPARTMENT_KEY) };
}

/** The district's fields may be left out by callers made before they existed: then the stored ones stay. */
export type DepartmentInput = Omit<Department, 'districtName' | 'districtCode'> &
  Partial<Pick<Department, 'districtName' | 'districtCode'>>;

export function setDepartment(db: Db, value: DepartmentInput, expectedVersion?: number): Department & { version: number } {
  mustExist(db, 'people', value.coordinatorId);
  return db.sqlite.transaction(() => {
    if (expectedVersion !== undefined && settingVersion(db, DEPARTMENT_KEY) !== expectedVersion) throw staleError();
    const stored = getDepartment(db);
    const { fullName, shortName, headName, headPosition, town, coordinatorId } = value;
    const districtName = value.districtName ?? stored.districtName;
    const districtCode = value.districtCode ?? stored.districtCode;
    setSetting(
      db,
      DEPARTMENT_KEY,
      JSON.stringify({ fullName, shortName, headName, headPosition, town, coordinatorId, districtName, districtCode }),
    );
    return getDepartment(db);
  })();
}

/** This database's identity, written into school forms so that answers are matched to the right file. */
export function databaseId(db: Db): string {
  const existing = getSetting(db, 'databaseId');
  if (existing) return existing;
  const id = crypto.randomUUID();
  setSetting(db, 'databaseId', id);
  return id;
}
