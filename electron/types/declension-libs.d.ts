// Typings for the two declension libraries, which ship none: only what electron/documents/declension.ts uses.
declare module 'petrovich' {
  type Case = 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  type Gender = 'male' | 'female' | 'androgynous';
  interface Person {
    gender?: Gender;
    first?: string;
    middle?: string;
    last?: string;
  }
  interface Petrovich {
    (person: Person, gcase: Case): Required<Pick<Person, 'gender'>> & Person;
    detect_gender(middle: string): Gender;
  }
  const petrovich: Petrovich;
  export = petrovich;
}

declare module 'russian-nouns-js' {
  export const Gender: { MASCULINE: string; FEMININE: string; NEUTER: string; COMMON: string };
  export const Case: {
    NOMINATIVE: string;
    GENITIVE: string;
    DATIVE: string;
    ACCUSATIVE: string;
    INSTRUMENTAL: string;
    PREPOSITIONAL: string;
  };
  export interface Lemma {
    readonly __lemma: true;
  }
  export function createLemma(options: { text: string; gender: string; animate?: boolean; indeclinable?: boolean }): Lemma;
  export class Engine {
    decline(lemma: Lemma, gcase: string, pluralForm?: string): string[];
  }
}
