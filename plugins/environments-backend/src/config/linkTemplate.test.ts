import { fillLinkTemplate, linkTemplateProblem } from './linkTemplate';

describe('linkTemplateProblem', () => {
  it.each([
    'https://grafana.example.com/d/app?var-namespace={namespace}&var-app={service}',
    'http://logs.internal:3000/{cluster}/{environment}',
    'https://{service}.dashboards.example.com/',
  ])('accepts %s', template => {
    expect(linkTemplateProblem(template)).toBeUndefined();
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
    expect(linkTemplateProblem(template)).toMatch(message);
  });
});

describe('fillLinkTemplate', () => {
  const values = {
    namespace: 'checkout-staging',
    service: 'checkout',
    environment: 'staging',
    cluster: 'eu-1',
  };

  it('fills every placeholder, as often as it occurs', () => {
    expect(
      fillLinkTemplate(
        'https://grafana.example.com/d/app?ns={namespace}&app={service}&env={environment}&c={cluster}&again={service}',
        values,
      ),
    ).toBe(
      'https://grafana.example.com/d/app?ns=checkout-staging&app=checkout&env=staging&c=eu-1&again=checkout',
    );
  });

  it('URL-encodes values, so none can change where the link points', () => {
    const url = fillLinkTemplate('https://logs.example.com/{cluster}?q=1', {
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
      fillLinkTemplate('https://x.example.com/{cluster}', {
        ...values,
        cluster: undefined,
      }),
    ).toBeUndefined();
    expect(
      fillLinkTemplate('https://x.example.com/{namespace}', {
        namespace: 'qa',
      }),
    ).toBe('https://x.example.com/qa');
  });

  it('gives nothing when a value makes the host invalid', () => {
    expect(
      fillLinkTemplate('https://{cluster}.example.com/', {
        cluster: 'has space',
      }),
    ).toBeUndefined();
  });
});
