import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validatorFor } from '../../specs/index';
import { mockRoles } from './mock-roles';
import { UsageError } from '../errors';
import {
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RUN_BUDGET_MS,
  PROFILE_SCHEMA_ID,
  REDACTED,
  loadProfile,
  mockProfile,
  profileFromEnv,
  redactedProfile,
  splitProfile,
  type Env,
} from './profile';

const EXAMPLE = join(__dirname, '..', '..', 'fixtures', 'profiles', 'example.json');
const ADMIN_PW = 'S3cret-Admin!pw';
const OP_PW = 'S3cret-Operator!pw';
const ENV: Env = { LAB_ADMIN_PW: ADMIN_PW, LAB_OP_PW: OP_PW };

// biome-ignore lint/suspicious/noExplicitAny: a profile file as JSON, edited freely by each case to make it invalid
type ProfileFile = Record<string, any>;

/** A complete valid profile file; cases override parts of it. */
function validProfile(): ProfileFile {
  return {
    url: 'https://vcsa.lab.example/',
    tls: { insecure: true },
    timeoutMs: 5000,
    users: {
      administrator: { username: 'administrator@vsphere.local', passwordEnv: 'LAB_ADMIN_PW' },
      operator: { username: 'op@vsphere.local', passwordEnv: 'LAB_OP_PW' },
    },
    roles: {
      upgradableCluster: { id: 'domain-c8', version: 'v1.30.4' },
      nonWcpCluster: 'domain-c9',
      stageCluster: { id: 'domain-c8', hosts: ['host-1'], commits: ['1', '2'] },
    },
    capabilities: { reset: { command: ['./reset-lab.sh', '--yes'] }, allowMutations: true, mutationAllowlist: ['domain-c8'] },
  };
}

/** Writes `content` (JSON-encoded unless a string) to a fresh file in the test's output directory. */
function write(name: string, content: unknown): string {
  const file = test.info().outputPath(name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** The message loadProfile throws (a UsageError in the one message shape), or fails the test. */
function loadError(file: string, env: Env = ENV): string {
  try {
    loadProfile(file, env);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    const text = (e as Error).message;
    expect(text).toMatch(/^\[vcconform\] Failed to load the target profile .+: .+\. .+\.$/s);
    expect(text).toContain(file);
    for (const secret of [ADMIN_PW, OP_PW]) expect(text).not.toContain(secret);
    return text;
  }
  throw new Error(`expected ${file} to be rejected`);
}

test.describe('loadProfile', () => {
  test('a valid profile resolves: passwords from the env, defaults filled, trailing slash dropped', () => {
    const profile = loadProfile(write('ok.json', validProfile()), ENV);
    expect(profile).toMatchObject({
      url: 'https://vcsa.lab.example',
      tls: { insecure: true },
      timeoutMs: 5000,
      users: {
        administrator: { username: 'administrator@vsphere.local', password: ADMIN_PW },
        operator: { username: 'op@vsphere.local', password: OP_PW },
      },
      roles: validProfile().roles,
      capabilities: { reset: { command: ['./reset-lab.sh', '--yes'] }, allowMutations: true, mutationAllowlist: ['domain-c8'] },
    });
    expect(profile.users['read-only']).toBeUndefined();
  });

  test('a minimal profile gets safe defaults: TLS verified, no mutations, no reset, no roles', () => {
    const profile = loadProfile(
      write('min.json', { url: 'http://10.0.0.5', users: { administrator: { username: 'a', passwordEnv: 'LAB_ADMIN_PW' } } }),
      ENV,
    );
    expect(profile).toEqual({
      source: profile.source,
      url: 'http://10.0.0.5',
      tls: { insecure: false },
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
      runBudgetMs: DEFAULT_RUN_BUDGET_MS,
      users: { administrator: { username: 'a', password: ADMIN_PW, passwordEnv: 'LAB_ADMIN_PW' } },
      roles: {},
      capabilities: { allowMutations: false, mutationAllowlist: [] },
    });
  });

  test('caFile is resolved against the profile directory; an HTTP reset is kept', () => {
    const ca = write('certs/lab-ca.pem', '-----BEGIN CERTIFICATE-----\n');
    const profile = loadProfile(
      write('ca.json', {
        ...validProfile(),
        tls: { caFile: 'certs/lab-ca.pem' },
        capabilities: { reset: { http: { method: 'POST', path: '/reset' } } },
      }),
      ENV,
    );
    expect(profile.tls).toEqual({ insecure: false, caFile: ca });
    expect(profile.capabilities.reset).toEqual({ http: { method: 'POST', path: '/reset' } });
  });

  test('the example profile loads with its environment variables set', () => {
    const env = { VCCONFORM_LAB_ADMIN_PASSWORD: 'a', VCCONFORM_LAB_READONLY_PASSWORD: 'r', VCCONFORM_LAB_OPERATOR_PASSWORD: 'o' };
    const profile = loadProfile(EXAMPLE, env);
    expect(Object.keys(profile.users).sort()).toEqual(['administrator', 'operator', 'read-only']);
    expect(profile.users['read-only']?.password).toBe('r');
    expect(profile.capabilities.allowMutations).toBe(false);
    expect(profile.roles.upgradableCluster?.id).toMatch(/^domain-c\d+$/);
    expect(loadError(EXAMPLE, {})).toContain('"VCCONFORM_LAB_ADMIN_PASSWORD" is not set');
  });

  type Case = [name: string, content: unknown, expected: (string | RegExp)[], env?: Env];
  const edit = (f: (p: ProfileFile) => void) => {
    const p = validProfile();
    f(p);
    return p;
  };
  const cases: Case[] = [
    ['not JSON', '{ "url": ', ['it is not JSON']],
    ['not an object', '[]', ['at /: must be object']],
    ['missing url and users', {}, ['at /: missing required property "url"', 'at /: missing required property "users"']],
    [
      'a typo at the top',
      edit((p) => {
        p.timeout = 1;
      }),
      ['at /: unknown property "timeout" (a typo?)'],
    ],
    [
      'a typo in tls',
      edit((p) => {
        p.tls = { insecureSkipVerify: true };
      }),
      ['at /tls: unknown property "insecureSkipVerify"'],
    ],
    [
      'a typo in a role',
      edit((p) => {
        p.roles.upgradeableCluster = 'domain-c8';
      }),
      ['at /roles: unknown property "upgradeableCluster"'],
    ],
    [
      'an unknown user role',
      edit((p) => {
        p.users.readonly = { username: 'r', passwordEnv: 'X' };
      }),
      ['at /users: unknown property "readonly"'],
    ],
    [
      'a password in the file',
      edit((p) => {
        p.users.administrator.password = 'hunter2';
      }),
      ['at /users/administrator: unknown property "password"'],
    ],
    [
      'no administrator',
      edit((p) => {
        delete p.users.administrator;
      }),
      ['at /users: missing required property "administrator"'],
    ],
    [
      'wrong types, all reported',
      edit((p) => {
        p.timeoutMs = '5s';
        p.tls.insecure = 'yes';
        p.capabilities.allowMutations = 1;
      }),
      ['at /timeoutMs: must be integer', 'at /tls/insecure: must be boolean', 'at /capabilities/allowMutations: must be boolean'],
    ],
    [
      'a bad reset method',
      edit((p) => {
        p.capabilities.reset = { http: { method: 'RESET', path: '/r' } };
      }),
      ['at /capabilities/reset/http/method: must be one of "POST", "PUT"'],
    ],
    [
      'a url that is not a URI',
      edit((p) => {
        p.url = 'vcsa.lab';
      }),
      ['at /url: must match format "uri"'],
    ],
    [
      'a url that is not http(s)',
      edit((p) => {
        p.url = 'ftp://vcsa.lab';
      }),
      ['at /url: must be http or https, got "ftp"'],
    ],
    [
      'a url with credentials',
      edit((p) => {
        p.url = `https://root:${ADMIN_PW}@vcsa.lab`;
      }),
      ['at /url: must not carry credentials'],
    ],
    [
      'a password env var not set',
      edit((p) => {
        p.users.operator.passwordEnv = 'NOPE_PW';
      }),
      ['at /users/operator/passwordEnv: the environment variable "NOPE_PW" is not set'],
    ],
    [
      'a password env var empty',
      validProfile(),
      ['at /users/operator/passwordEnv: the environment variable "LAB_OP_PW" is empty'],
      { LAB_ADMIN_PW: ADMIN_PW, LAB_OP_PW: '' },
    ],
    [
      'a caFile that does not exist',
      edit((p) => {
        p.tls = { caFile: 'missing-ca.pem' };
      }),
      [/at \/tls\/caFile: "missing-ca\.pem" is not a file \(looked for .*missing-ca\.pem\)/],
    ],
    [
      'a non-positive timeout',
      edit((p) => {
        p.timeoutMs = 0;
      }),
      ['at /timeoutMs: must be a positive number of milliseconds, got 0'],
    ],
    [
      'both reset kinds',
      edit((p) => {
        p.capabilities.reset = { command: ['x'], http: { method: 'POST', path: '/r' } };
      }),
      ['at /capabilities/reset: give exactly one of "http" or "command"'],
    ],
    [
      'an empty reset',
      edit((p) => {
        p.capabilities.reset = {};
      }),
      ['at /capabilities/reset: give exactly one of "http" or "command"'],
    ],
    [
      'an empty reset command',
      edit((p) => {
        p.capabilities.reset = { command: [] };
      }),
      ['at /capabilities/reset/command: must name a command'],
    ],
    [
      'a relative reset path',
      edit((p) => {
        p.capabilities.reset = { http: { method: 'POST', path: 'reset' } };
      }),
      ['at /capabilities/reset/http/path: must start with "/"'],
    ],
    [
      'an operations pattern that matches nothing',
      edit((p) => {
        p.operations = ['clusters.*', 'stage'];
      }),
      ['at /operations: "stage" matches no catalogued operation'],
    ],
    [
      'a lacks that is not a list of privilege ids',
      edit((p) => {
        p.users.operator.lacks = 'Namespaces.Upgrade';
      }),
      ['at /users/operator/lacks: must be array'],
    ],
    [
      'a privilege id with a space',
      edit((p) => {
        p.users.operator.lacks = ['Namespaces Upgrade'];
      }),
      ['at /users/operator/lacks/0: "Namespaces Upgrade" is not a privilege id'],
    ],
    [
      'a lacksOn cluster with no privileges',
      edit((p) => {
        p.users.operator.lacksOn = { 'domain-c8': [] };
      }),
      ['at /users/operator/lacksOn/domain-c8: name at least one privilege'],
    ],
    [
      'semantic problems, all reported',
      edit((p) => {
        p.url = 'ftp://x';
        p.users.administrator.passwordEnv = 'NOPE_A';
        p.users.operator.passwordEnv = 'NOPE_O';
      }),
      ['must be http or https', '"NOPE_A" is not set', '"NOPE_O" is not set'],
    ],
  ];
  for (const [name, content, expected, env] of cases) {
    test(`rejects ${name}`, () => {
      const text = loadError(write('profile.json', content), env);
      for (const e of expected) expect(text).toMatch(typeof e === 'string' ? new RegExp(e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : e);
    });
  }

  test('an unreadable file names the path and the fix', () => {
    const file = test.info().outputPath('absent.json');
    const text = loadError(file);
    expect(text).toContain('cannot be read');
    expect(text).toContain('Check the path given to --profile');
  });

  test('an allowlisted cluster id that does not look like domain-c… is accepted (no over-validation)', () => {
    const profile = loadProfile(
      write(
        'odd.json',
        edit((p) => {
          p.capabilities.mutationAllowlist = ['cluster-7', 'domain-c8'];
        }),
      ),
      ENV,
    );
    expect(profile.capabilities.mutationAllowlist).toEqual(['cluster-7', 'domain-c8']);
  });
});

test.describe('the profile schema', () => {
  const errors = (value: unknown) => {
    const validate = validatorFor(PROFILE_SCHEMA_ID);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
  };
  test('accepts the valid profile and the example file', async () => {
    expect(errors(validProfile())).toEqual([]);
    const { readFileSync } = await import('node:fs');
    expect(errors(JSON.parse(readFileSync(EXAMPLE, 'utf8')))).toEqual([]);
  });
  test('rejects unknown properties at every level', () => {
    const at = (path: string, f: (p: ProfileFile) => void) => {
      const p = validProfile();
      f(p);
      expect(errors(p), path).toContainEqual(expect.stringMatching(new RegExp(`^${path} additionalProperties`)));
    };
    at('', (p) => {
      p.extra = 1;
    });
    at('/tls', (p) => {
      p.tls.extra = 1;
    });
    at('/users', (p) => {
      p.users.guest = { username: 'g', passwordEnv: 'G' };
    });
    at('/users/operator', (p) => {
      p.users.operator.extra = 1;
    });
    at('/roles', (p) => {
      p.roles.extra = 'domain-c1';
    });
    at('/roles/upgradableCluster', (p) => {
      p.roles.upgradableCluster.extra = 1;
    });
    at('/roles/stageCluster', (p) => {
      p.roles.stageCluster.extra = 1;
    });
    at('/capabilities', (p) => {
      p.capabilities.extra = 1;
    });
    at('/capabilities/reset', (p) => {
      p.capabilities.reset.extra = 1;
    });
    at('/capabilities/reset/http', (p) => {
      p.capabilities.reset = { http: { method: 'POST', path: '/r', extra: 1 } };
    });
  });
});

test.describe('passwords never leak', () => {
  test('redactedProfile replaces every password and leaves the original intact', () => {
    const profile = loadProfile(write('ok.json', validProfile()), ENV);
    const redacted = redactedProfile(profile);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain(ADMIN_PW);
    expect(text).not.toContain(OP_PW);
    expect(redacted.users.administrator).toEqual({
      username: 'administrator@vsphere.local',
      password: REDACTED,
      passwordEnv: 'LAB_ADMIN_PW',
    });
    expect(redacted.users.operator?.password).toBe(REDACTED);
    expect(profile.users.administrator.password).toBe(ADMIN_PW);
    expect({ ...redacted, users: profile.users }).toEqual(profile);
    redacted.capabilities.mutationAllowlist.push('domain-c99');
    expect(profile.capabilities.mutationAllowlist).toEqual(['domain-c8']);
  });

  test('environment errors name variables, never values', () => {
    const text = envError({ VCENTER_URL: `https://root:${ADMIN_PW}@vc`, VCENTER_USER: 'u', VCENTER_PASSWORD: ADMIN_PW });
    expect(text).toContain('VCENTER_URL: must not carry credentials');
    expect(text).not.toContain(ADMIN_PW);
    expect(envError({ VCENTER_URL: `https://root:${ADMIN_PW} x@vc`, VCENTER_USER: 'u', VCENTER_PASSWORD: ADMIN_PW })).not.toContain(
      ADMIN_PW,
    );
  });
});

/** The message profileFromEnv throws (a UsageError), or fails the test. */
function envError(env: Env): string {
  try {
    profileFromEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(
      /^\[vcconform\] Failed to configure the target from the environment: .+\. Set VCENTER_URL, VCENTER_USER and VCENTER_PASSWORD .+\.$/,
    );
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(Object.keys(env))} to be rejected`);
}

test.describe('profileFromEnv', () => {
  const base = { VCENTER_URL: 'https://vc.lab/', VCENTER_USER: 'administrator@vsphere.local', VCENTER_PASSWORD: ADMIN_PW };

  test('the administrator only, no roles, no mutations, no reset, TLS verified by default', () => {
    expect(profileFromEnv(base)).toEqual({
      source: 'environment',
      url: 'https://vc.lab',
      tls: { insecure: false },
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
      runBudgetMs: DEFAULT_RUN_BUDGET_MS,
      users: { administrator: { username: 'administrator@vsphere.local', password: ADMIN_PW, passwordEnv: 'VCENTER_PASSWORD' } },
      roles: {},
      capabilities: { allowMutations: false, mutationAllowlist: [] },
    });
  });

  const insecure: [string | undefined, boolean][] = [
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['1', true],
    ['true', true],
    ['True', true],
  ];
  for (const [value, expected] of insecure) {
    test(`VCENTER_INSECURE=${JSON.stringify(value)} → insecure ${expected}`, () => {
      expect(profileFromEnv({ ...base, VCENTER_INSECURE: value }).tls.insecure).toBe(expected);
    });
  }

  const bad: [string, Env, string][] = [
    ['VCENTER_INSECURE=yes', { ...base, VCENTER_INSECURE: 'yes' }, 'VCENTER_INSECURE must be 1, true, 0 or false, got "yes"'],
    ['no URL', { ...base, VCENTER_URL: undefined }, 'VCENTER_URL is not set'],
    ['no user', { ...base, VCENTER_USER: '' }, 'VCENTER_USER is not set'],
    ['no credentials', { VCENTER_URL: base.VCENTER_URL }, 'VCENTER_USER and VCENTER_PASSWORD are not set'],
    ['a non-http URL', { ...base, VCENTER_URL: 'file:///etc/passwd' }, 'VCENTER_URL: must be http or https, got "file"'],
    ['not a URL', { ...base, VCENTER_URL: 'vc.lab' }, 'VCENTER_URL: "vc.lab" is not a URL'],
  ];
  for (const [name, env, expected] of bad) {
    test(`rejects ${name}`, () => {
      const text = envError(env);
      expect(text).toContain(expected);
      expect(text).not.toContain(ADMIN_PW);
    });
  }
  test('declared lacks are kept per user, reach the public profile, and operatorDeniedCluster adds Namespaces.Upgrade there', () => {
    const p = validProfile();
    p.users.operator.lacks = ['VcIntegrity.lifecycleSoftwareRemediation.Write'];
    p.users.operator.lacksOn = { 'domain-c9': ['Namespaces.Upgrade'] };
    p.roles.operatorDeniedCluster = 'domain-c7';
    const file = write('lacks.json', p);
    const profile = loadProfile(file, ENV);
    expect(profile.users.operator).toMatchObject({
      lacks: ['VcIntegrity.lifecycleSoftwareRemediation.Write'],
      lacksOn: { 'domain-c9': ['Namespaces.Upgrade'], 'domain-c7': ['Namespaces.Upgrade'] },
    });
    // Nothing is assumed for a user that declares nothing.
    expect(profile.users.administrator).not.toHaveProperty('lacks');
    expect(profile.users.administrator).not.toHaveProperty('lacksOn');
    const { profile: pub } = splitProfile(profile);
    expect(pub.users.operator).toEqual({
      username: 'op@vsphere.local',
      lacks: ['VcIntegrity.lifecycleSoftwareRemediation.Write'],
      lacksOn: { 'domain-c9': ['Namespaces.Upgrade'], 'domain-c7': ['Namespaces.Upgrade'] },
    });
    expect(JSON.stringify(pub)).not.toContain(OP_PW);
  });
});

test.describe('mockProfile', () => {
  const users = {
    administrator: { username: 'administrator@vsphere.local', password: 'mock-Admin!23' },
    'read-only': { username: 'ro', password: 'mock-RO' },
  };

  test('the mock roles, mutations allowed on the clusters they name, reset through the control API', () => {
    const profile = mockProfile('http://127.0.0.1:4010/', users);
    expect(profile).toMatchObject({
      source: 'embedded mock',
      url: 'http://127.0.0.1:4010',
      users,
      roles: mockRoles,
      tls: { insecure: false },
    });
    expect(profile.capabilities.allowMutations).toBe(true);
    expect(profile.capabilities.reset).toEqual({ http: { method: 'POST', path: '/__vcconform/reset' } });
    expect(profile.capabilities.mutationAllowlist).toEqual(
      expect.arrayContaining(['domain-c10', 'domain-c11', 'domain-c12', 'domain-c13', 'domain-c14', 'domain-c15']),
    );
    expect(mockProfile('http://m', users, ['domain-c1']).capabilities.mutationAllowlist).toEqual(['domain-c1']);
    expect(JSON.stringify(redactedProfile(profile))).not.toContain('mock-Admin!23');
  });

  test('an inventory without an administrator is a clear error', () => {
    expect(() => mockProfile('http://m', { operator: { username: 'o', password: 'p' } })).toThrow(
      /Failed to build the embedded mock's profile for http:\/\/m: its inventory has no administrator user/,
    );
  });
});
