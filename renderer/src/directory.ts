/** People and organisations as select options, loaded once per screen. */
import { useMemo } from 'react';
import { call } from './api';
import { useLoad } from './hooks';

export function useDirectory() {
  const { data, reload } = useLoad(
    async () => ({ people: await call('people.list'), organizations: await call('organizations.list') }),
    [],
  );
  return useMemo(() => {
    const people = data?.people ?? [];
    const organizations = data?.organizations ?? [];
    const personName = new Map(people.map((p) => [p.id, p.fullName]));
    const orgName = new Map(organizations.map((o) => [o.id, o.shortName || o.name]));
    return {
      people,
      organizations,
      schools: organizations.filter((o) => o.kind === 'school'),
      personOptions: people.map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName })),
      orgOptions: organizations.map((o) => ({ value: o.id, label: o.shortName || o.name })),
      personName: (id: number | null | undefined) => (id ? (personName.get(id) ?? '') : ''),
      orgName: (id: number | null | undefined) => (id ? (orgName.get(id) ?? '') : ''),
      reload,
    };
  }, [data, reload]);
}

export type Directory = ReturnType<typeof useDirectory>;

/** Filter for antd Select: case- and ё-insensitive. */
export const selectFilter = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '')
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .includes(input.toLocaleLowerCase('ru').replace(/ё/g, 'е'));
