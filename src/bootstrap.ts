import 'reflect-metadata';
import { type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import { JsonLogger } from './common/json-logger.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { runMigrations } from './database/migrate.js';
import { demoParts } from './demo/demo-parts.js';
import { DemoService } from './demo/demo.service.js';

export const API_PREFIX = 'api/v1';

/** The HTTP application (APP_ROLE all|api), configured exactly as in production. */
export async function createHttpApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: new JsonLogger(config.logLevel),
    bufferLogs: false,
  });
  app.set('trust proxy', 'loopback');
  app.use(helmet({ contentSecurityPolicy: false })); // Swagger UI needs inline scripts
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ exposedHeaders: ['X-Request-Id', 'Content-Disposition'] });
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, openApiConfig()), { jsonDocumentUrl: 'docs-json' });
  return app;
}

export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Tramos API')
    .setDescription(
      'Convenios de Apoyo Presupuestario (CAP): agreements, tranches, compliance, verification, transfers and reports. ' +
        'Amounts are strings with two decimals; errors are `{ statusCode, error, message, details[] }`. ' +
        'Log in with `POST /api/v1/auth/login` and send `Authorization: Bearer <token>`.',
    )
    .setVersion('1')
    .addServer('/')
    .addBearerAuth()
    .build();
}

/** Workers only (APP_ROLE=worker): the same modules, no HTTP server. */
export function createWorkerContext(config: AppConfig, databaseUrl: string): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(AppModule.forRoot(config, databaseUrl), { logger: new JsonLogger(config.logLevel) });
}

/** Migrate, then load the demo on an empty database. */
export async function prepareDatabase(databaseUrl: string): Promise<string[]> {
  return runMigrations(databaseUrl);
}

export async function loadDemo(app: INestApplication | INestApplicationContext) {
  return app.get(DemoService).loadIfEmpty(demoParts);
}
