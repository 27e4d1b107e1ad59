import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  const base = { DATA_DIR: '/tmp/tramos-config-spec', JWT_SECRET: 'x'.repeat(40) };

  it('applies defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.appRole).toBe('all');
    expect(c.queueBackend).toBe('postgres');
    expect(c.evidenceMaxBytes).toBe(25 * 1024 * 1024);
  });

  it('names every wrong variable at once', () => {
    try {
      loadConfig({ ...base, PORT: 'eighty', APP_ROLE: 'boss', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const vars = (e as ConfigError).problems.map((p) => p.variable);
      expect(vars).toEqual(expect.arrayContaining(['PORT', 'APP_ROLE', 'DATABASE_URL', 'JWT_SECRET']));
    }
  });

  it('uses Redis when REDIS_URL is set', () => {
    expect(loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379' }).queueBackend).toBe('redis');
  });
});
