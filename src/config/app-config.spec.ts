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

  it('keeps evidence on local disk unless S3_BUCKET is set, then reads the S3 settings with their defaults', () => {
    expect(loadConfig(base).s3).toBeUndefined();
    expect(loadConfig({ ...base, S3_BUCKET: 'tramos-evidence' }).s3).toEqual({
      bucket: 'tramos-evidence', endpoint: undefined, region: 'us-east-1', accessKeyId: undefined, secretAccessKey: undefined,
      forcePathStyle: true, prefix: 'evidence/',
    });
    expect(
      loadConfig({
        ...base, S3_BUCKET: 'b', S3_ENDPOINT: 'https://minio.example:9000', S3_REGION: 'sa-east-1', S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's', S3_FORCE_PATH_STYLE: 'false', S3_PREFIX: 'tramos/',
      }).s3,
    ).toEqual({ bucket: 'b', endpoint: 'https://minio.example:9000', region: 'sa-east-1', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: false, prefix: 'tramos/' });
  });

  it('names S3 variables that are wrong, half given or without S3_BUCKET', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (e) {
        return (e as ConfigError).problems.map((p) => p.variable);
      }
      return [];
    };
    expect(problems({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000', S3_FORCE_PATH_STYLE: 'yes' })).toEqual(['S3_ENDPOINT', 'S3_FORCE_PATH_STYLE']);
    expect(problems({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toEqual(['S3_SECRET_ACCESS_KEY']);
    expect(problems({ S3_ENDPOINT: 'http://minio:9000' })).toEqual(['S3_ENDPOINT']);
  });
});
