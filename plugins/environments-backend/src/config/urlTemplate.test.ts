import {
  fillUrlTemplate,
  urlTemplateProblem,
  urlTemplateSchema,
} from './urlTemplate';

describe('urlTemplateProblem', () => {
  it.each([
    'https://grafana.example.com/d/app?var-namespace={namespace}&var-app={service}',
    'http://logs.internal:3000/{cluster}/{environment}',
    'https://{service}.dashboards.example.com/',
  ])('accepts %s', template => {
    expect(urlTemplateProblem(template)).toBeUndefined();
  });

  it.each([
    ['https://x.example.com/{team}', /unknown placeholder \{team\}/],
    ['https://x.example.com/{namespace', /outside a placeholder/],
    ['https://x.example.com/}{service}', /outside a placeholder/],
    // eslint-disable-next-line no-script-url -- hostile on purpose
    ['javascript:alert({service})', /http\(s\) URL/],
    ['{service}', /http\(s\) URL/],
    ['ftp://files.example.com/{service}', /http\(s\) URL/],
    ['https://bot:s3cret@grafana.example.com/{service}', /credentials/],
    ['grafana.example.com/{service}', /http\(s\) URL/],
  ])('refuses %s', (template, message) => {
    expect(urlTemplateProblem(template)).toMatch(message);
  });
});

describe('fillUrlTemplate', () => {
  const values = {
    namespace: 'checkout-staging',
    service: 'checkout',
    environment: 'staging',
    cluster: 'eu-1',
  };

  it('fills every placeholder, as often as it occurs', () => {
    expect(
      fillUrlTemplate(
        'https://grafana.example.com/d/app?ns={namespace}&app={service}&env={environment}&c={cluster}&again={service}',
        values,
      ),
    ).toBe(
      'https://grafana.example.com/d/app?ns=checkout-staging&app=checkout&env=staging&c=eu-1&again=checkout',
    );
  });

  it('URL-encodes values, so none can change where the link points', () => {
    const url = fillUrlTemplate('https://logs.example.com/{cluster}?q=1', {
      ...values,
      cluster: 'a/b?c=d#e@evil.example',
    });
    expect(url).toBe(
      'https://logs.example.com/a%2Fb%3Fc%3Dd%23e%40evil.example?q=1',
    );
    expect(new URL(url!).host).toBe('logs.example.com');
  });

  it('gives nothing when a value it uses is missing', () => {
    expect(
      fillUrlTemplate('https://x.example.com/{cluster}', {
        ...values,
        cluster: undefined,
      }),
    ).toBeUndefined();
    expect(
      fillUrlTemplate('https://x.example.com/{namespace}', {
        namespace: 'qa',
      }),
    ).toBe('https://x.example.com/qa');
  });

  it('gives nothing when a value makes the host invalid', () => {
    expect(
      fillUrlTemplate('https://{cluster}.example.com/', {
        cluster: 'has space',
      }),
    ).toBeUndefined();
  });
});

describe('urlTemplateSchema', () => {
  it('accepts a usable template as it is', () => {
    expect(
      urlTemplateSchema.parse('https://{service}.staging.example.com/'),
    ).toBe('https://{service}.staging.example.com/');
  });

  it("refuses an unusable template with urlTemplateProblem's reason", () => {
    const result = urlTemplateSchema.safeParse('https://x.example.com/{team}');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(i => i.message)).toEqual([
      urlTemplateProblem('https://x.example.com/{team}'),
    ]);
  });

  it('refuses a template longer than 2000 characters', () => {
    const long = `https://x.example.com/${'a'.repeat(2000)}`;
    expect(urlTemplateSchema.safeParse(long).success).toBe(false);
  });
});
