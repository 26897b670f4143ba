/** Department settings (printed on every document) and small app preferences, kept as key–value rows. */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
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
}

const DEPARTMENT_KEY = 'department';

export const EMPTY_DEPARTMENT: Department = {
  fullName: '',
  shortName: '',
  headName: '',
  headPosition: '',
  town: '',
  coordinatorId: null,
};

export function getSetting(db: Db, key: string): string | null {
  return db.orm.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.orm.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function getDepartment(db: Db): Department {
  const raw = getSetting(db, DEPARTMENT_KEY);
  return { ...EMPTY_DEPARTMENT, ...(raw ? (JSON.parse(raw) as Partial<Department>) : {}) };
}

export function setDepartment(db: Db, value: Department): Department {
  mustExist(db, 'people', value.coordinatorId);
  setSetting(db, DEPARTMENT_KEY, JSON.stringify(value));
  return getDepartment(db);
}

/** This database's identity, written into school forms so that answers are matched to the right file. */
export function databaseId(db: Db): string {
  const existing = getSetting(db, 'databaseId');
  if (existing) return existing;
  const id = crypto.randomUUID();
  setSetting(db, 'databaseId', id);
  return id;
}
