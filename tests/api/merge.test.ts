import { describe, expect, it } from 'vitest';
import { api } from '../../electron/api';
import { mergeApis } from '../../electron/api/merge';

describe('the API map', () => {
  it('refuses a method name defined in two namespaces, naming both', () => {
    expect(() => mergeApis({ plansApi: { 'plan.get': 1, 'plan.put': 2 }, otherApi: { 'plan.get': 3 } })).toThrow(
      /«plan\.get».*plansApi.*otherApi/,
    );
  });

  it('keeps every method of every namespace', () => {
    expect(mergeApis({ a: { x: 1 }, b: { y: 2 } })).toEqual({ x: 1, y: 2 });
  });

  it("the app's own map has no duplicates (it was built by mergeApis at import) and keeps its methods", () => {
    expect(Object.keys(api)).toContain('plan.get');
    expect(Object.keys(api).length).toBeGreaterThan(50);
  });
});
