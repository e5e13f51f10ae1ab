import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** The problems loadConfig reports for an environment, or [] when it accepts it. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

describe('loadConfig', () => {
  it('reports every problem at once, each naming its variable', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', MAX_MESSAGE_BYTES: '12', UNLOAD_DELAY_MS: '-5' });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be a number/),
        expect.stringMatching(/^LOG_LEVEL: /),
        expect.stringMatching(/^MAX_MESSAGE_BYTES: must be at least 1024/),
        expect.stringMatching(/^UNLOAD_DELAY_MS: must be at least 0/),
      ]),
    );
  });

  it('lists the problems in the error message, one per line', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(/Invalid configuration:\n {2}- PORT: .*\n {2}- LOG_LEVEL: /);
  });

  it('reports a missing DATABASE_URL for postgres together with the other problems', () => {
    const problems = problemsOf({ STORAGE: 'postgres', PORT: 'abc' });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^PORT: /), expect.stringMatching(/^DATABASE_URL: required/)]));
  });

  it.each([
    ['a port above 65535', { PORT: '70000' }, /^PORT: must be at most 65535/],
    ['a fractional port', { PORT: '80.5' }, /^PORT: must be an integer/],
    ['an unknown storage backend', { STORAGE: 'floppy' }, /^STORAGE: /],
    ['a DATABASE_URL that is not postgres', { DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must be a postgres/],
    ['a PUBLIC_URL that is not a URL', { PUBLIC_URL: 'strategy dot org' }, /^PUBLIC_URL: must be a URL/],
    ['compaction after zero updates', { COMPACT_AFTER_UPDATES: '0' }, /^COMPACT_AFTER_UPDATES: must be at least 1/],
  ])('refuses %s', (_name, env, problem) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', STORAGE: 'sqlite', LOG_LEVEL: 'info', UNLOAD_DELAY_MS: 30_000, COMPACT_AFTER_UPDATES: 500 });
    expect(config.MAX_MESSAGE_BYTES).toBe(16 * 1024 * 1024);
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(path.isAbsolute(config.DATA_DIR)).toBe(true);
  });

  it('treats empty variables as unset, as an .env file with blank values means', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '', MAX_MESSAGE_BYTES: '' })).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info', MAX_MESSAGE_BYTES: 16 * 1024 * 1024 });
  });

  it('parses numbers and resolves a relative DATA_DIR against the working directory', () => {
    const config = loadConfig({ PORT: '0', MAX_MESSAGE_BYTES: '4096', COMPACT_AFTER_UPDATES: '20', DATA_DIR: 'some/data' });
    expect(config).toMatchObject({ PORT: 0, MAX_MESSAGE_BYTES: 4096, COMPACT_AFTER_UPDATES: 20 });
    expect(config.DATA_DIR).toBe(path.resolve('some/data'));
  });

  it('picks postgres storage when only DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://lcs@127.0.0.1:5432/lcs' }).STORAGE).toBe('postgres');
  });
});
