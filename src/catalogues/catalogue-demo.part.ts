import type { EntityManager } from 'typeorm';
import type { DemoPart } from '../demo/demo.service.js';

/*
 * The demo catalogue: the donors, programmes, entities and budget programmes of the CAPs that
 * MEF signed in 2009–2016 (seed 001). Other parts of the demo and the demo users find these rows
 * by code, so the codes are fixed. Dates and product codes are illustrative (README.md).
 */

const DONORS = [
  ['UE', 'Unión Europea'],
  ['BE', 'Reino de Bélgica'],
];

// code, donor code, name, reference, total amount (EUR), starts, ends
const FUNDING_PROGRAMS: [string, string, string, string | null, string | null, string, string][] = [
  ['EUROPAN', 'UE', 'Programa de Apoyo Presupuestario al Programa Articulado Nutricional', null, null, '2009-01-01', '2013-12-31'],
  ['EURO-ECOTRADE', 'UE', 'Apoyo a la Política Peruana de Promoción de las Exportaciones de Productos Ecológicos', null, null, '2013-07-01', '2017-06-30'],
  ['ENLCD', 'UE', 'Apoyo Presupuestario a la Estrategia Nacional de Lucha contra las Drogas', 'DCI-ALA/2013/023-715', '32200000.00', '2012-01-01', '2016-12-31'],
  ['AUS-BE', 'BE', 'Apoyo Presupuestario a la Política de Aseguramiento Universal en Salud', null, null, '2013-01-01', '2016-12-31'],
];

// code, name, kind, UBIGEO (regional bodies)
const ENTITIES: [string, string, string, string | null][] = [
  ['GORE-AYA', 'Gobierno Regional de Ayacucho', 'REGIONAL_GOVERNMENT', '050000'],
  ['GORE-AMA', 'Gobierno Regional de Amazonas', 'REGIONAL_GOVERNMENT', '010000'],
  ['GORE-PIU', 'Gobierno Regional de Piura', 'REGIONAL_GOVERNMENT', '200000'],
  ['GORE-HVC', 'Gobierno Regional de Huancavelica', 'REGIONAL_GOVERNMENT', '090000'],
  ['RENIEC', 'Registro Nacional de Identificación y Estado Civil', 'NATIONAL_BODY', null],
  ['SIS', 'Seguro Integral de Salud', 'NATIONAL_BODY', null],
  ['JUNTOS', 'Programa Nacional de Apoyo Directo a los más Pobres JUNTOS (MIDIS)', 'NATIONAL_BODY', null],
  ['DEVIDA', 'Comisión Nacional para el Desarrollo y Vida sin Drogas', 'NATIONAL_BODY', null],
  ['MINCETUR', 'Ministerio de Comercio Exterior y Turismo', 'MINISTRY', null],
  ['MINSA', 'Ministerio de Salud', 'MINISTRY', null],
  ['MINAM', 'Ministerio del Ambiente', 'MINISTRY', null],
  ['DRE-AYA', 'Dirección Regional de Educación de Ayacucho', 'OTHER', '050000'],
];

const BUDGET_PROGRAMS: { code: string; name: string; products: [string, string][] }[] = [
  {
    code: '0001', name: 'Programa Articulado Nutricional', products: [
      ['3033254', 'Niños con vacuna completa según edad'],
      ['3033255', 'Niños con CRED completo según edad'],
      ['3033256', 'Niños con suplemento de hierro y vitamina A'],
      ['3033317', 'Gestante con suplemento de hierro y ácido fólico'],
    ],
  },
  { code: '0079', name: 'Acceso de la población a la identidad', products: [['3000562', 'Población con documento nacional de identidad']] },
  {
    code: '0002', name: 'Salud materno neonatal', products: [
      ['3033291', 'Población accede a métodos de planificación familiar'],
      ['3033292', 'Población accede a servicios de consejería en salud sexual y reproductiva'],
    ],
  },
  { code: '0051', name: 'Prevención y tratamiento del consumo de drogas', products: [] },
  { code: '0065', name: 'Aprovechamiento de las oportunidades comerciales brindadas por los principales socios comerciales del Perú', products: [] },
  {
    code: '0035', name: 'Gestión sostenible de recursos naturales y diversidad biológica', products: [
      ['3000342', 'Instituciones públicas con capacidades para la conservación y aprovechamiento de los recursos naturales y diversidad biológica'],
      ['3000470', 'Instituciones cuentan con alternativas de aprovechamiento sostenible'],
      ['3000473', 'Gobiernos subnacionales cuentan con zonificación económica ecológica y ordenamiento territorial'],
    ],
  },
  {
    code: '0049', name: 'Programa nacional de apoyo directo a los más pobres', products: [
      ['3000386', 'Hogares JUNTOS acceden al incentivo monetario por cumplir compromisos en salud-nutrición y/o educación'],
    ],
  },
];

/** Transposes rows into one array per column, for `unnest`: one INSERT per table. */
const columns = <T extends unknown[]>(rows: T[]) => rows[0].map((_, i) => rows.map((r) => r[i]));

export const catalogueDemoPart: DemoPart = {
  name: 'catalogue',
  async load(tx: EntityManager) {
    // ON CONFLICT DO NOTHING: rows an administrator already registered are left as they are.
    await tx.query(
      `INSERT INTO donors (code, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (code) DO NOTHING`,
      columns(DONORS),
    );
    await tx.query(
      `INSERT INTO funding_programs (code, donor_id, name, reference, total_amount, starts_on, ends_on)
       SELECT f.code, d.id, f.name, f.reference, f.amount::numeric, f.starts::date, f.ends::date
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS f(code, donor, name, reference, amount, starts, ends)
       JOIN donors d ON d.code = f.donor
       ON CONFLICT (code) DO NOTHING`,
      columns(FUNDING_PROGRAMS),
    );
    await tx.query(
      `INSERT INTO entities (code, name, kind, ubigeo) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::char(6)[])
       ON CONFLICT (code) DO NOTHING`,
      columns(ENTITIES),
    );
    await tx.query(
      `INSERT INTO budget_programs (code, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (code) DO NOTHING`,
      columns(BUDGET_PROGRAMS.map((b) => [b.code, b.name])),
    );
    const products = BUDGET_PROGRAMS.flatMap((b) => b.products.map(([code, name]) => [b.code, code, name]));
    await tx.query(
      `INSERT INTO budget_products (budget_program_id, code, name)
       SELECT b.id, p.code, p.name FROM unnest($1::text[], $2::text[], $3::text[]) AS p(program, code, name)
       JOIN budget_programs b ON b.code = p.program
       ON CONFLICT (budget_program_id, code) DO NOTHING`,
      columns(products),
    );
  },
};
