import { assertDns1123Label } from './assertDns1123Label';
import { assertDns1123Subdomain } from './assertDns1123Subdomain';
import { assertQuantity } from './assertQuantity';
import { assertServiceName } from './assertServiceName';
import { assertSubjectName } from './assertSubjectName';

describe('input validation', () => {
  it.each(['a', 'a--b', '0abc', 'a'.repeat(63)])('label %j is valid', v =>
    expect(() => assertDns1123Label('field', v)).not.toThrow(),
  );
  it.each(['A', '-a', 'a-', 'a.b', 'a'.repeat(64), '', 'a_b'])(
    'label %j is invalid',
    v => expect(() => assertDns1123Label('field', v)).toThrow(/Input 'field'/),
  );
  it.each(['example.com', 'a.b-c.d', 'x'])('subdomain %j is valid', v =>
    expect(() => assertDns1123Subdomain('field', v)).not.toThrow(),
  );
  it.each(['a..b', '.a', 'a.', 'A.com', `${'a'.repeat(64)}.com`])(
    'subdomain %j is invalid',
    v =>
      expect(() => assertDns1123Subdomain('field', v)).toThrow(/Input 'field'/),
  );
  it.each(['checkout', 'a--b', 'a'.repeat(47)])('service name %j is valid', v =>
    expect(() => assertServiceName('field', v)).not.toThrow(),
  );
  it.each(['0abc', 'a'.repeat(48), 'Checkout'])(
    'service name %j is invalid',
    v => expect(() => assertServiceName('field', v)).toThrow(/Input 'field'/),
  );
  it.each(['500m', '1', '1.5', '512Mi', '16Gi', '1e3', '.5'])(
    'quantity %j is valid',
    v => expect(() => assertQuantity('field', v)).not.toThrow(),
  );
  it.each(['-1', '1 Gi', '1gi', 'Mi', '', '1..5', 'NaN'])(
    'quantity %j is invalid',
    v => expect(() => assertQuantity('field', v)).toThrow(/Input 'field'/),
  );
  it.each(['developers', 'oidc:qa-engineers', 'team@example.com', '1.10'])(
    'group %j is valid',
    v => expect(() => assertSubjectName('field', v)).not.toThrow(),
  );
  it.each(['../x', '/abs', 'a b', '', '*'])('group %j is invalid', v =>
    expect(() => assertSubjectName('field', v)).toThrow(/Input 'field'/),
  );
});
