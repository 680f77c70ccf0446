import { bodyShapeViolation } from './request-bodies';

const limits = { depth: 3, members: 3 };

describe('bodyShapeViolation', () => {
  it('counts nesting of arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(bodyShapeViolation('[[[1]]]', limits)).toBeNull();
    expect(bodyShapeViolation('[[[[1]]]]', limits)).toMatchObject({ rule: 'maxDepth' });
    expect(bodyShapeViolation('{"a": {"b": [1]}}', limits)).toBeNull();
    expect(bodyShapeViolation('{"a": {"b": [{}]}}', limits)).toMatchObject({ rule: 'maxDepth' });
    expect(bodyShapeViolation('["[[[[[[", "\\"[[[[\\\\", [[1]]]', limits)).toBeNull();
  });

  it('counts the members of each array and object on its own', () => {
    expect(bodyShapeViolation('[1, 2, 3]', limits)).toBeNull();
    expect(bodyShapeViolation('[1, 2, 3, 4]', limits)).toMatchObject({ rule: 'maxMembers' });
    expect(bodyShapeViolation('[[1, 2, 3], [1, 2, 3], [1, 2, 3]]', limits)).toBeNull();
    expect(bodyShapeViolation('{"a": 1, "b": "x,y,z,w", "c": 3}', limits)).toBeNull();
    expect(bodyShapeViolation('{"a": 1, "b": 2, "c": 3, "d": 4}', limits)).toMatchObject({
      rule: 'maxMembers',
    });
  });

  it('walks 2 MB of nesting without recursion', () => {
    expect(bodyShapeViolation('['.repeat(2 * 1024 * 1024))).toMatchObject({ rule: 'maxDepth' });
  });
});
