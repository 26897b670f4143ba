/**
 * The namespaces of the API merged into one map. A spread would let a second `plan.get` silently
 * replace the first; here a name defined twice stops the program at start-up, naming both places.
 */

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export function mergeApis<P extends Record<string, Record<string, unknown>>>(parts: P): UnionToIntersection<P[keyof P]> {
  const merged: Record<string, unknown> = {};
  const from = new Map<string, string>();
  for (const [part, methods] of Object.entries(parts))
    for (const [name, m] of Object.entries(methods)) {
      const first = from.get(name);
      if (first !== undefined) throw new Error(`API method «${name}» is defined twice: in ${first} and in ${part}`);
      from.set(name, part);
      merged[name] = m;
    }
  return merged as UnionToIntersection<P[keyof P]>;
}
